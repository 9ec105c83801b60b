// A page's sections as a registry (issue 13, item 5): the page maps its
// registry in order instead of wiring each panel by hand, and `when` decides
// from the page's context (role, what is loaded) whether a section shows —
// one place to read, and to unit-test, who sees what.
import type { ComponentType } from 'react';

export interface Section<Ctx, Props = object> {
  /** stable React key; unique within its registry */
  id: string;
  /** whether the section shows in this context */
  when: (ctx: Ctx) => boolean;
  Panel: ComponentType<Props>;
}

/** The sections that show in this context, in registry order. */
export function sectionsFor<Ctx, Props>(registry: readonly Section<Ctx, Props>[], ctx: Ctx): Section<Ctx, Props>[] {
  return registry.filter((s) => s.when(ctx));
}
