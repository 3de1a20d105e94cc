// Imported before @redocly/openapi-core anywhere in the generator: the generator must run offline and
// deterministically, so Redocly's usage telemetry is switched off before the library loads.
process.env.REDOCLY_TELEMETRY = "off";
