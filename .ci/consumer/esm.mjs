// An ES module partner back end, run by .ci/check-consumer.mjs in a scratch project where @wsc/*
// come from packed tarballs, with the API's URL as first argument. It prints one JSON line of
// facts; the check asserts them.
import { retry } from '@wsc/plugin-retry';
import { NetworkError, ValidationError, WscClient, WscError } from '@wsc/sdk';
import { webhooks } from '@wsc/sdk/node';

const baseURL = process.argv[2];
const draft = {
  title: { en: 'Flooded underpasses in Tarball City' },
  description: { en: 'Underpasses flood after every heavy rain.' },
  domain: 'water',
  city: 'Tarball City',
  country: 'SG',
};

const client = new WscClient({ baseURL });
const standards = await client.standards.list({ limit: 5 });

const session = await client.auth.signup({
  email: `esm.${Date.now()}@example.org`,
  password: 'correct horse battery staple',
  displayName: 'ESM Consumer',
  role: 'urban-planner',
});
const member = new WscClient({ baseURL, token: session.token });
const created = await member.painPoints.create(draft);

let refused;
try {
  await member.painPoints.create({ ...draft, title: { en: '' }, domain: 'lava' });
} catch (error) {
  refused = error;
}

const secret = webhooks.generateSecret();
const body = JSON.stringify({
  id: 'evt_consumer',
  type: 'pain_point.voted',
  createdAt: new Date().toISOString(),
  data: { painPointId: created.id, voteCount: 1 },
});
const event = webhooks.verify(body, webhooks.sign(body, secret), secret);

// A plugin composed before retry drops the first attempt, so the call succeeds only if the
// tarball's retry really wraps the request of the tarball's SDK.
let attempts = 0;
const dropFirstAttempt = (plugged) => {
  plugged.hook.wrap((request, next) => {
    attempts += 1;
    if (attempts === 1) throw new NetworkError('dropped on purpose by the consumer check');
    return next(request);
  });
};
const RetryingClient = WscClient.plugin(dropFirstAttempt, retry);
const retried = await new RetryingClient({ baseURL, retry: { retries: 2, minDelay: 10 } }).standards.list({
  limit: 1,
});

console.log(
  JSON.stringify({
    resolved: import.meta.resolve('@wsc/sdk'),
    standardIds: standards.data.map((standard) => standard.id),
    signedUp: typeof session.token === 'string' && session.token.length > 0,
    createdCity: created.city,
    validation: {
      name: refused?.name,
      isValidationError: refused instanceof ValidationError,
      isWscError: WscError.is(refused),
      status: refused?.status,
      paths: refused instanceof ValidationError ? refused.errors.map((field) => field.path) : [],
    },
    webhookEventId: event.id,
    retry: { plugins: RetryingClient.plugins.length, attempts, items: retried.data.length },
  }),
);
