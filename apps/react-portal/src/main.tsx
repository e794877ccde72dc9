import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { start } from './client';
import { Portal } from './portal';
import './portal.css';

// Once, before the first render: the widgets' configuration and the portal's own client.
const client = start();

const root = document.getElementById('root');
if (root)
  createRoot(root).render(
    <StrictMode>
      <Portal client={client} />
    </StrictMode>,
  );
