/**
 * ITU-T E.164 country calling codes (with the NANP area codes of +1 that are not the United States), as data:
 * `prefix` is the digits after '+', matched by longest prefix (phone-country.ts). `from` (YYYY-MM-DD) marks an
 * assignment that began on that day: before it, the number falls to the next shorter prefix in force.
 *
 * Sources: ITU-T E.164 list of assigned country codes; NANPA area code assignments (Canada and the Caribbean
 * members); notes/domain.md (+1 809/829/849 DO, +1 658/876 JM, +1 787/939 PR). Shared codes are split where a
 * prefix decides: +7 6/7 Kazakhstan; +599 9 Curaçao and 599 3/4/7 Caribbean Netherlands; +262 269/639 Mayotte;
 * +39 06 698 Vatican; +44 1481/1534/1624 Guernsey, Jersey, Isle of Man (landlines; their mobiles are not split).
 */

export type CallingCode = { prefix: string; country: string; from?: string };

const ZONES = `
1 US
20 EG|211 SS 2011-07-14|212 MA|213 DZ|216 TN|218 LY|220 GM|221 SN|222 MR|223 ML|224 GN|225 CI|226 BF|227 NE|228 TG
229 BJ|230 MU|231 LR|232 SL|233 GH|234 NG|235 TD|236 CF|237 CM|238 CV|239 ST|240 GQ|241 GA|242 CG|243 CD|244 AO
245 GW|246 IO|247 SH|248 SC|249 SD|250 RW|251 ET|252 SO|253 DJ|254 KE|255 TZ|256 UG|257 BI|258 MZ|260 ZM|261 MG
262 RE|262269 YT|262639 YT|263 ZW|264 NA|265 MW|266 LS|267 BW|268 SZ|269 KM|27 ZA|290 SH|291 ER|297 AW|298 FO|299 GL
30 GR|31 NL|32 BE|33 FR|34 ES|350 GI|351 PT|352 LU|353 IE|354 IS|355 AL|356 MT|357 CY|358 FI|35818 AX|359 BG|36 HU
370 LT|371 LV|372 EE|373 MD|374 AM|375 BY|376 AD|377 MC|378 SM|380 UA|381 RS|382 ME 2006-09-10|383 XK 2017-02-03
385 HR|386 SI|387 BA|389 MK|39 IT|3906698 VA
40 RO|41 CH|420 CZ|421 SK|423 LI|43 AT|44 GB|441481 GG|441534 JE|441624 IM|45 DK|46 SE|47 NO|4779 SJ|48 PL|49 DE
500 FK|501 BZ|502 GT|503 SV|504 HN|505 NI|506 CR|507 PA|508 PM|509 HT|51 PE|52 MX|53 CU|54 AR|55 BR|56 CL|57 CO
58 VE|590 GP|591 BO|592 GY|593 EC|594 GF|595 PY|596 MQ|597 SR|598 UY|599 CW|5993 BQ|5994 BQ|5997 BQ
60 MY|61 AU|62 ID|63 PH|64 NZ|65 SG|66 TH|670 TL|672 NF|673 BN|674 NR|675 PG|676 TO|677 SB|678 VU|679 FJ|680 PW
681 WF|682 CK|683 NU|685 WS|686 KI|687 NC|688 TV|689 PF|690 TK|691 FM|692 MH
7 RU|76 KZ|77 KZ
81 JP|82 KR|84 VN|850 KP|852 HK|853 MO|855 KH|856 LA|86 CN|880 BD|886 TW
90 TR|91 IN|92 PK|93 AF|94 LK|95 MM|960 MV|961 LB|962 JO|963 SY|964 IQ|965 KW|966 SA|967 YE|968 OM|970 PS|971 AE
972 IL|973 BH|974 QA|975 BT|976 MN|977 NP|98 IR|992 TJ|993 TM|994 AZ|995 GE|996 KG|998 UZ
`;

/** NANP (+1) area codes outside the United States. */
const NANP: Record<string, string> = {
  CA: '204 226 236 249 250 257 263 273 289 306 343 354 365 367 368 382 387 403 416 418 428 431 437 438 450 460 468 474 '
    + '506 514 519 548 579 581 584 587 600 604 613 622 639 647 672 683 705 709 742 753 778 780 782 807 819 825 867 873 879 902 905 942',
  BS: '242', BB: '246', AI: '264', AG: '268', VG: '284', VI: '340', KY: '345', BM: '441', GD: '473', TC: '649',
  JM: '876 658', MS: '664', MP: '670', GU: '671', AS: '684', SX: '721', LC: '758', DM: '767', VC: '784',
  PR: '787 939', DO: '809 829 849', TT: '868', KN: '869',
};
/** NANP area codes that began service on a known day (before it, the number read as +1 generally). */
const NANP_FROM: Record<string, string> = { 1658: '2018-05-31', 1721: '2011-09-30', 1849: '2009-12-03', 1263: '2023-03-25' };

export const CALLING_CODES: readonly CallingCode[] = [
  ...ZONES.trim().split(/[|\n]/).map((entry) => {
    const [prefix, country, from] = entry.trim().split(' ');
    return from ? { prefix, country, from } : { prefix, country };
  }),
  ...Object.entries(NANP).flatMap(([country, codes]) => codes.split(' ').map((area) => {
    const prefix = `1${area}`;
    const from = NANP_FROM[prefix];
    return from ? { prefix, country, from } : { prefix, country };
  })),
];
