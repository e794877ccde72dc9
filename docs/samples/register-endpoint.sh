# Register a webhook endpoint with the partner's secret key (scope `webhooks`); the answer shows its
# whsec_… signing secret once.
curl --fail-with-body -sS -X POST "$WSC_API_URL/v1/webhook-endpoints" \
  -H "authorization: Bearer $WSC_SECRET_KEY" -H 'content-type: application/json' \
  -d '{"url":"https://partner.example.org/wsc-webhooks","eventTypes":["pain_point.voted","registration.created"]}'
