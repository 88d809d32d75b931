/** The `tarifa` usage text (spec section 4). */
export const USAGE = `Usage:
  tarifa inspect  <usage-file> [--preset NAME] [--tz IANA] [--format json|table] [--pseudonymise]
  tarifa bill     <usage-file>… --plan PLAN.json [--preset NAME] [--tz IANA] [--format json|csv|table] [--pseudonymise]
  tarifa split    <usage-file>… --plan PLAN.json --rules RULES.json [--invoice-total AMOUNT] [--preset NAME]
                  [--tz IANA] [--format json|csv|table] [--pseudonymise]
  tarifa simulate <usage-file>… --plan A.json --plan B.json … [--scale FACTOR] [--preset NAME] [--tz IANA]
                  [--format json|csv|table] [--pseudonymise]

Options:
  --plan PATH      plan file ("format": "tarifa.plan/1")
  --rules PATH     cost-centre rules file ("format": "tarifa.rules/1")
  --invoice-total AMOUNT
                   split: split this invoice total (e.g. 1200.00) by the rules' driver meter instead of the estimate
  --scale FACTOR   simulate: multiply the usage (e.g. 2 or 0.5) by whole contacts, as the app's scale knob does:
                   contacts and their messages scale, agents and numbers do not (default 1)
  --preset NAME    import preset of the usage files (default: auto = detect): generic, twilio-messaging,
                   twilio-voice, asterisk, freeswitch, genesys-interactions-csv, genesys-conversations-json,
                   meta-pricing-analytics, meta-conversation-analytics; or a custom preset file saved from the
                   app's mapping screen (e.g. --preset ./my-bsp.preset.json)
  --tz IANA        time zone of naive timestamps in the usage files (default: UTC)
  --format FORMAT  json, csv or table (default: table)
  --pseudonymise   replace contacts (phone numbers, e-mails) by keyed hashes as they are read, with a random
                   key made for this run and never saved; unique-contact counts are unchanged. Default: contacts
                   are kept as written (in memory only: the CLI prints aggregates, never a contact)
  -h, --help       this text

Several usage files are read as one dataset. Exit status: 0 success, 1 bad input, 2 usage error.
`;
