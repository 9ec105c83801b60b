// A state-changing action behind a deliberate second step (issue 18: a page
// that makes the rep click inside a hidden or disguised Baton frame must not
// submit, accept, return, claim, release, extend or transfer anything). The
// first activation only asks; the action runs from a Confirm button that
// appears below the trigger and takes focus, so Enter confirms and Esc
// cancels. Hooks for tests: the Confirm button is [data-confirm="<action>"].
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useT } from './i18n';

export type ConfirmedAction = 'submit' | 'accept' | 'return' | 'claim' | 'release' | 'extension' | 'transfer' | 'reassign';

interface Props {
  action: ConfirmedAction;
  /** the localized question, e.g. t('confirm.submit') */
  question: string;
  onConfirm: () => void;
  /** renders the trigger; it calls `ask` where it would have run the action */
  children: (ask: () => void, asking: boolean) => ReactNode;
}

export function ConfirmAction({ action, question, onConfirm, children }: Props) {
  const t = useT();
  const [asking, setAsking] = useState(false);
  const yes = useRef<HTMLButtonElement>(null);
  const returnTo = useRef<HTMLElement | null>(null);
  useEffect(() => {
    // Asking: focus Confirm. Done: back to the trigger, once it is enabled again.
    if (asking) yes.current?.focus();
    else returnTo.current?.focus();
    if (!asking) returnTo.current = null;
  }, [asking]);
  const ask = () => {
    returnTo.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setAsking(true);
  };
  const close = () => setAsking(false);
  return (
    <>
      {children(ask, asking)}
      {asking && (
        <div
          className="confirm"
          role="alertdialog"
          aria-label={question}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.preventDefault();
              close();
            }
          }}
        >
          <p>{question}</p>
          <button
            type="button"
            className="primary"
            ref={yes}
            data-confirm={action}
            onClick={() => {
              setAsking(false);
              onConfirm();
            }}
          >
            {t('confirm.yes')}
          </button>{' '}
          <button type="button" data-confirm-cancel={action} onClick={close}>
            {t('confirm.no')}
          </button>
          <p className="hint">{t('confirm.hint')}</p>
        </div>
      )}
    </>
  );
}
