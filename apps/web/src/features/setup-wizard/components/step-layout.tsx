import { useEffect, useRef, type ReactNode } from 'react';

const STEP_HEADING_ID = 'step-heading';

/** The page's first step keeps focus where the browser put it; every later one takes it. */
let aStepWasShown = false;

interface StepLayoutProps {
  title: string;
  /** One or two sentences: what the step does and why the default is the default. */
  intro: ReactNode;
  children: ReactNode;
}

/** A step's heading (focused when the step opens), its explanation and its content. */
export function StepLayout({ title, intro, children }: StepLayoutProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  const section = useRef<HTMLElement>(null);
  useEffect(() => {
    document.title = `${title} · B2 Setup Wizard`;
  }, [title]);
  useEffect(() => {
    // A field the step focused itself (one the server refused) keeps the focus, whichever
    // effect ran first.
    const active = document.activeElement;
    const fieldFocused =
      active instanceof HTMLElement &&
      active.matches('input, select, textarea') &&
      (section.current?.contains(active) ?? false);
    if (aStepWasShown && !fieldFocused) heading.current?.focus();
    aStepWasShown = true;
  }, []);
  return (
    <section ref={section} className="step" aria-labelledby={STEP_HEADING_ID}>
      <h1 id={STEP_HEADING_ID} ref={heading} tabIndex={-1} className="step__title">
        {title}
      </h1>
      <div className="step__intro">{intro}</div>
      {children}
    </section>
  );
}
