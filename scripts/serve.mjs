// Serves a folder on 127.0.0.1: node scripts/serve.mjs DIR [PORT]
import { serve } from '../tests/e2e/lib.mjs';

const [dir = 'build/web/dist', port = '8080'] = process.argv.slice(2);
const server = await serve(dir, Number(port));
console.log(`Microneedling Navigator is being served at ${server.url}  (demo clinic built in; Ctrl-C to stop)`);
const stop = async () => { await server.close(); process.exit(0); };
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
