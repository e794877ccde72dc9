// Listed by name, as every entry point of the SDK and its plugins.
export { type TelemetryOptions, telemetry } from './telemetry';
