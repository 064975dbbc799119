// This session's handover links, with what became of each and Revoke for those not opened yet.
// Self-contained (it loads its own list), so a History panel can show it too.
import type { HandoverState, HandoverSummary } from '@b2wiz/shared';
import { useEffect, useId, useState } from 'react';
import { Button } from '../../components/ui/button';
import { ServerErrorAlert } from '../setup-wizard/components/server-error-alert';
import { listHandovers } from './api/list-handovers';
import { revokeHandover } from './api/revoke-handover';
import { utcTime } from './handover-link';

const STATE_WORDS: Record<HandoverState, string> = {
  waiting: 'Not opened yet',
  opened: 'Opened',
  revoked: 'Revoked',
  expired: 'Expired',
};

/** How a person tells links apart: the last characters of the id, as the link ends before "#". */
const tail = (id: string) => id.slice(-6);

interface SentLinksProps {
  /** Changed by the parent to load the list again (after it made a link). */
  refreshKey?: number;
  title?: string;
}

export function SentLinks({
  refreshKey = 0,
  title = 'Links sent from this session',
}: SentLinksProps) {
  const headingId = useId();
  const [links, setLinks] = useState<HandoverSummary[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [revokeError, setRevokeError] = useState<unknown>(null);

  useEffect(() => {
    let live = true;
    listHandovers().then(
      (list) => {
        if (!live) return;
        setLinks(list.handovers);
        setError(null);
      },
      (failure: unknown) => {
        if (live) setError(failure);
      },
    );
    return () => {
      live = false;
    };
  }, [refreshKey]);

  async function revoke(id: string) {
    setRevokeError(null);
    try {
      const changed = await revokeHandover(id);
      setLinks((current) => current?.map((link) => (link.id === id ? changed : link)) ?? null);
    } catch (failure) {
      setRevokeError(failure);
    }
  }

  return (
    <section className="sent-links" aria-labelledby={headingId}>
      <h3 id={headingId}>{title}</h3>
      <ServerErrorAlert error={error} title="The links could not be listed." />
      {links === null && !error && <p role="status">Loading the links…</p>}
      {links?.length === 0 && <p>No links were sent from this session yet.</p>}
      {links && links.length > 0 && (
        <ul className="sent-links__list">
          {links.map((link) => (
            <li key={link.id} className="sent-links__item">
              <span>
                Link ending …{tail(link.id)}: {STATE_WORDS[link.state]}
                {link.state === 'waiting' && `, works until ${utcTime(link.expiresAt)}`}
              </span>
              {link.state === 'waiting' && (
                <Button
                  className="button--small"
                  aria-label={`Revoke the link ending ${tail(link.id)}`}
                  onClick={() => void revoke(link.id)}
                >
                  Revoke
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      <ServerErrorAlert error={revokeError} title="The link could not be revoked." />
    </section>
  );
}
