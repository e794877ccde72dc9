// Entry `@wsc/models/partner`: payloads of the secret-key routes a partner back end calls
// (partners and keys, webhook endpoints and deliveries, single sign-on). Browsers never hold a
// secret key, so these stay out of the main entry and its 12 KB browser budget.

export * from './events-admin';
export * from './partner';
export * from './sso';
export * from './webhook';
