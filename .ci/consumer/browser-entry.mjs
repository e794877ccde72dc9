// A partner's web page script, bundled by .ci/check-consumer.mjs with the scratch project's
// esbuild for the browser and run in Chromium. The check calls `window.consumerCheck(config)`.
import { WscClient } from '@wsc/sdk';

window.consumerCheck = async (config) => {
  const page = await new WscClient(config).standards.list({ limit: 5 });
  return {
    standardIds: page.data.map((standard) => standard.id),
    inNode: typeof process !== 'undefined',
  };
};
