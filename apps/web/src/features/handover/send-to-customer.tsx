// "Send to the customer" on the Done step: the key and files locked in this browser behind a
// one-time link; the server keeps only the ciphertext, the key to it is in the link's #fragment.
import type { HandoverState, SetupResult } from '@b2wiz/shared';
import { useState } from 'react';
import { Button } from '../../components/ui/button';
import { Field } from '../../components/ui/field';
import { CopyValue } from '../setup-wizard/components/copy-value';
import { ServerErrorAlert } from '../setup-wizard/components/server-error-alert';
import { createHandover } from './api/create-handover';
import { revokeHandover } from './api/revoke-handover';
import { bundleOf } from './handover-bundle';
import { sealBundle } from './handover-crypto';
import { handoverLink, utcTime } from './handover-link';
import { SentLinks } from './sent-links';

const TTL_CHOICES = [
  [1, '1 hour'],
  [24, '24 hours'],
  [72, '3 days'],
  [168, '7 days'],
] as const;

interface MadeLink {
  id: string;
  url: string;
  expiresAt: string;
  state: HandoverState;
}

export function SendToCustomer({ result, endpoint }: { result: SetupResult; endpoint: string }) {
  // Folded until asked for: most people on this page need only the key and the files.
  const [open, setOpen] = useState(false);
  const [ttlHours, setTtlHours] = useState(24);
  const [link, setLink] = useState<MadeLink | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [showList, setShowList] = useState(false);
  const [listVersion, setListVersion] = useState(0);

  async function make() {
    setBusy(true);
    setError(null);
    try {
      const { ciphertext, key } = await sealBundle(bundleOf(result, endpoint));
      const made = await createHandover(ciphertext, ttlHours);
      const url = handoverLink(window.location.origin, made.id, key);
      setLink({ id: made.id, url, expiresAt: made.expiresAt, state: 'waiting' });
      setShowList(true);
      setListVersion((n) => n + 1);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  async function revoke(made: MadeLink) {
    setError(null);
    try {
      const changed = await revokeHandover(made.id);
      setLink({ ...made, state: changed.state });
      setListVersion((n) => n + 1);
    } catch (failure) {
      setError(failure);
    }
  }

  return (
    <section className="send-to-customer" aria-labelledby="send-to-customer">
      <h2 id="send-to-customer">Send to the customer</h2>
      {!open ? (
        <>
          <p>A link that shows the key and the files once, instead of a ticket or an email.</p>
          <div className="actions actions--start">
            <Button variant="secondary" onClick={() => setOpen(true)}>
              Prepare a one-time link
            </Button>
          </div>
        </>
      ) : (
        <>
          <p>
            Rather than pasting the key into a ticket or an email, send a link that shows the key
            and the files once. They are locked in this browser; the wizard’s server keeps only what
            it cannot read, and deletes it as soon as the link is opened.
          </p>
          <Field label="The link works for">
            {(control) => (
              <select
                {...control}
                className="input--short"
                value={ttlHours}
                onChange={(event) => setTtlHours(Number(event.target.value))}
              >
                {TTL_CHOICES.map(([hours, words]) => (
                  <option key={hours} value={hours}>
                    {words}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <div className="actions actions--start">
            <Button onClick={() => void make()} disabled={busy}>
              {link ? 'Make another link' : 'Make a one-time link'}
            </Button>
          </div>
          <ServerErrorAlert error={error} title="That did not work." />
          {link && (
            <div className="send-to-customer__link">
              <CopyValue
                label="One-time link"
                value={link.url}
                secret
                hint={`Opens once, until ${utcTime(link.expiresAt)}. Send it only to the customer.`}
              />
              {link.state === 'waiting' ? (
                <Button
                  variant="danger"
                  className="button--small"
                  onClick={() => void revoke(link)}
                >
                  Revoke this link
                </Button>
              ) : (
                <p role="status">
                  {link.state === 'revoked'
                    ? 'This link is revoked: it no longer opens.'
                    : 'This link was already opened, so there was nothing left to revoke.'}
                </p>
              )}
            </div>
          )}
          {showList ? (
            <SentLinks refreshKey={listVersion} />
          ) : (
            <Button variant="link" onClick={() => setShowList(true)}>
              Show the links sent from this session
            </Button>
          )}
        </>
      )}
    </section>
  );
}
