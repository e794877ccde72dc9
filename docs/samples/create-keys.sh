# From the repository, with the API stopped (the embedded database takes one process at a time).
# A partner, and a publishable key bound to the origins of its web site (printed once, as JSON):
npm run cli -- partners create --name "City of Geneva" --origin https://www.geneve.ch

# A secret key for its back end, with the scopes it needs (the partner id is in the output above):
npm run cli -- keys create --partner PARTNER_ID --kind secret --scope content:read --scope sso --scope webhooks
