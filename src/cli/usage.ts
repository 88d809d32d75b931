/** The `tarifa` usage text (spec section 4). */
export const USAGE = `Usage:
  tarifa inspect  <usage-file> [--preset NAME] [--tz IANA] [--format json|table]
  tarifa bill     <usage-file>… --plan PLAN.json [--preset NAME] [--tz IANA] [--format json|csv|table]
  tarifa split    <usage-file>… --plan PLAN.json --rules RULES.json [...]          (not implemented yet)
  tarifa simulate <usage-file>… --plan A.json --plan B.json … [--scale FACTOR]     (not implemented yet)

Options:
  --plan PATH      plan file ("format": "tarifa.plan/1")
  --preset NAME    import preset of the usage files (default: auto = detect): generic, twilio-messaging,
                   twilio-voice, asterisk, freeswitch, genesys-interactions-csv, genesys-conversations-json,
                   meta-pricing-analytics, meta-conversation-analytics
  --tz IANA        time zone of naive timestamps in the usage files (default: UTC)
  --format FORMAT  json, csv or table (default: table)
  -h, --help       this text

Several usage files are read as one dataset. Exit status: 0 success, 1 bad input, 2 usage error.
`;
