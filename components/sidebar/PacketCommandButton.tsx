// The sidebar's look of a packet command (usePacketCommand): its button, with
// a spinner while it runs, and the server's refusal in words.
import type { PacketCommand } from '@/lib/packet/commands';
import type { usePacketCommand } from './use-packet-command';

type Command = ReturnType<typeof usePacketCommand>;

/** A button that runs `name` (data-field = the command's name); disabled while any command of the panel runs. */
export function PacketCommandButton({ command, name, label, disabled, className }: { command: Command; name: PacketCommand; label: string; disabled?: boolean; className?: string }) {
  return (
    <button type="button" className={className} data-field={name} disabled={command.busy || disabled} onClick={() => void command.run(name)}>
      {command.busy && <span className="spinner" aria-hidden="true" />} {label}
    </button>
  );
}

/** Why the last command was refused, or nothing. */
export function PacketCommandRefusal({ command }: { command: Command }) {
  return (
    command.error && (
      <p className="reason" role="alert">
        {command.error}
      </p>
    )
  );
}
