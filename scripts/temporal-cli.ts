import { resolve } from 'node:path';
import { resolveTemporalCli } from '@caravan/devstack';

// `npm run temporal-cli`: obtains the Temporal CLI and says where it came from.
resolveTemporalCli(resolve(__dirname, '../..'), (line) => console.error(line))
  .then((cli) =>
    console.log(cli.path ? `temporal CLI (${cli.source}): ${cli.path}` : `temporal CLI: none found; the SDK will download its dev server`),
  )
  .catch((error: Error) => {
    console.error(error.message);
    process.exit(1);
  });
