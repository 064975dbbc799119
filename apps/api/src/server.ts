import express from 'express';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '127.0.0.1';
const webDist = fileURLToPath(new URL('../../web/dist', import.meta.url));

const app = express();
app.get('/api/health', (_req, res) => {
  res.json({ ok: true });
});
if (existsSync(webDist)) app.use(express.static(webDist));

app.listen(port, host, () => {
  console.log(`B2 Setup Wizard: http://${host}:${port}/`);
});
