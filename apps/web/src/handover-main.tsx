// The handover page's own entry (handover.html): nothing of the wizard's first page loads here,
// and nothing of this page loads there.
import './zod-config';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { HandoverPage } from './features/handover/handover-page';
import { openHandover } from './features/handover/open-handover';
import './styles.css';

// Started once, outside React, so a second render can never read the link a second time.
const opening = openHandover(window.location.pathname, window.location.hash);

const root = document.getElementById('root');
if (!root) throw new Error('handover.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <HandoverPage opening={opening} />
  </StrictMode>,
);
