// A CommonJS partner back end, run by .ci/check-consumer.mjs in a scratch project where @wsc/*
// come from packed tarballs, with the API's URL as first argument. It prints one JSON line of
// facts; the check asserts them.
const { ValidationError, WscClient, WscError } = require('@wsc/sdk');
const { webhooks } = require('@wsc/sdk/node');

async function main() {
  const client = new WscClient({ baseURL: process.argv[2] });
  const standards = await client.standards.list({ limit: 5 });

  let refused;
  try {
    await client.auth.signup({
      email: 'not an e-mail',
      password: 'short',
      displayName: 'CJS',
      role: 'wizard',
    });
  } catch (error) {
    refused = error;
  }

  const secret = webhooks.generateSecret();
  const body = JSON.stringify({
    id: 'evt_consumer_cjs',
    type: 'pain_point.voted',
    createdAt: new Date().toISOString(),
    data: { painPointId: 'pp_consumer', voteCount: 1 },
  });
  const event = webhooks.verify(Buffer.from(body), webhooks.sign(body, secret), secret);

  return {
    resolved: require.resolve('@wsc/sdk'),
    standardIds: standards.data.map((standard) => standard.id),
    validation: {
      name: refused?.name,
      isValidationError: refused instanceof ValidationError,
      isWscError: WscError.is(refused),
      status: refused?.status,
      paths: refused instanceof ValidationError ? refused.errors.map((field) => field.path) : [],
    },
    webhookEventId: event.id,
  };
}

main().then(
  (facts) => console.log(JSON.stringify(facts)),
  (error) => {
    console.error(error);
    process.exitCode = 1;
  },
);
