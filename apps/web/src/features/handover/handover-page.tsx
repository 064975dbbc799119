// The page a handover link opens: the key and files once, or a plain page saying what became of
// the link and whom to ask.
import { useEffect, useState, type ReactNode } from 'react';
import { Alert } from '../../components/ui/alert';
import { ServerErrorAlert } from '../setup-wizard/components/server-error-alert';
import { HandoverValues } from './handover-values';
import type { GoneCode, Opening } from './open-handover';

const ASK_SENDER =
  'Ask the person who sent you this link to send a new one. They can make it again in the B2 Setup Wizard.';

const GONE_TITLES: Record<GoneCode, string> = {
  handover_opened: 'This link was already opened',
  handover_expired: 'This link has expired',
  handover_revoked: 'This link was revoked',
  handover_not_found: 'This link is not known',
};

function Page({ title, children }: { title: string; children: ReactNode }) {
  useEffect(() => {
    document.title = `${title} · B2 Setup Wizard`;
  }, [title]);
  return (
    <section className="step" aria-labelledby="handover-heading">
      <h1 id="handover-heading" className="step__title">
        {title}
      </h1>
      {children}
    </section>
  );
}

function Outcome({ outcome }: { outcome: Opening }) {
  switch (outcome.kind) {
    case 'shown':
      return (
        <Page title="Your Backblaze B2 key">
          <HandoverValues bundle={outcome.bundle} />
        </Page>
      );
    case 'gone':
      return (
        <Page title={GONE_TITLES[outcome.code]}>
          <p>{outcome.message}</p>
          <p>{ASK_SENDER}</p>
        </Page>
      );
    case 'incomplete':
      return (
        <Page title="This link is incomplete">
          <p>
            The part of the link after “#” is missing or cut short, and without it what the link
            holds cannot be unlocked. Nothing was used up: copy the whole link from the message you
            got, and open it again.
          </p>
        </Page>
      );
    case 'locked':
      return (
        <Page title="This link could not be unlocked">
          <p>
            The part of the link after “#” does not open what the link held, and the link has now
            been used.
          </p>
          <p>{ASK_SENDER}</p>
        </Page>
      );
    case 'failed':
      return (
        <Page title="The link could not be opened">
          <ServerErrorAlert error={outcome.error} />
          <p>Nothing was shown, so the link may still work: reload this page in a moment.</p>
        </Page>
      );
  }
}

/** `opening` is started once by the caller: the page only waits for it, never reads again. */
export function HandoverPage({ opening }: { opening: Promise<Opening> }) {
  const [outcome, setOutcome] = useState<Opening | null>(null);
  useEffect(() => {
    let live = true;
    void opening.then((value) => {
      if (live) setOutcome(value);
    });
    return () => {
      live = false;
    };
  }, [opening]);
  return (
    <>
      <header className="site-header">
        <p className="site-header__name">B2 Setup Wizard</p>
        <p className="site-header__tagline">A Backblaze B2 key, sent to you</p>
      </header>
      <main className="main">
        {outcome ? (
          <Outcome outcome={outcome} />
        ) : (
          <Alert tone="info" title="Opening the link…">
            <p role="status">Reading and unlocking what it holds.</p>
          </Alert>
        )}
      </main>
    </>
  );
}
