/**
 * Every text the reveal page, the create form, the history table and the request-link
 * screens show, in English.
 * The sentences in quotes on the product page are kept word for word.
 *
 * Localise by passing a partial object (`strings` of `renderRevealPage`, `renderAdminShell`
 * or the React wrappers): missing keys fall back to these. `{count}`, `{seconds}`,
 * `{views}`, `{label}` and `{date}` are placeholders the UI fills in.
 */
export const DEFAULT_STRINGS = {
  // The recipient's page
  pageTitle: 'A secret was shared with you',
  revealIntro:
    'Someone shared a secret with you. It is decrypted in your browser; it may work only once.',
  clickToReveal: 'Click to reveal',
  passphraseLabel: 'Passphrase',
  passphraseHint: 'The person who sent you this link gave you the passphrase separately.',
  passphraseRequired: 'Enter the passphrase.',
  revealing: 'Decrypting…',
  wrongPassphraseOne: 'Wrong passphrase. {count} attempt left.',
  wrongPassphraseOther: 'Wrong passphrase. {count} attempts left.',
  wrongPassphraseBurned: 'Wrong passphrase. The secret has been destroyed.',
  secretLabel: 'Your secret',
  copyToClipboard: 'Copy to clipboard',
  copied: 'Copied.',
  copyFailed: 'Copying failed: select the text and copy it by hand.',
  youCanClose: 'You can close this window',
  remainingViewsOne: 'This link can be opened {count} more time.',
  remainingViewsOther: 'This link can be opened {count} more times.',
  lastView: 'This secret is now gone from the server.',
  gone: 'Information no longer available. Contact the person who sent you this link and ask them to create a new secret.',
  incompleteLink:
    'This link is incomplete: the part after # holds the key. Open the link again exactly as you received it.',
  createdByYou:
    'You created this secret. If you view it, the recipient will not be able to see it.',
  rateLimited: 'Too many attempts from your network. Try again in {seconds} seconds.',
  unavailable: 'The service is unavailable right now. Try again in a moment.',
  tryAgain: 'Try again',
  failed: 'Something went wrong. Reload the page and try again.',
  decryptFailed: 'The secret could not be decrypted.',
  noScript: 'This page needs JavaScript to decrypt the secret. Enable it and reload the page.',

  // The creator's form
  adminTitle: 'Secrets',
  createHeading: 'Share a secret',
  secretInputLabel: 'Secret',
  secretInputHint: 'Paste the sensitive information. It is encrypted in your browser.',
  labelInputLabel: 'Label (optional, only you see it)',
  expiryLabel: 'Expires after',
  ttl3600: '1 hour',
  ttl86400: '24 hours (default)',
  ttl259200: '3 days',
  ttl604800: '7 days',
  ttl1209600: '14 days',
  ttl2592000: '30 days',
  viewsLegend: 'Lifetime',
  singleUse: 'Single-use: destroyed the moment the recipient reveals it',
  reusable: 'Reusable: available to anyone with the link until it expires',
  passphraseInputLabel: 'Passphrase (optional)',
  passphraseAdvice: 'Share the passphrase through a different channel than the link.',
  createSecretLink: 'Create secret link',
  creating: 'Encrypting…',
  linkLabel: 'Secret link',
  linkReady: 'Secret link created. Copy it and send it to the recipient.',
  copyLink: 'Copy link',
  qrLabel: 'QR code of the secret link',
  createAnother: 'Create another secret',
  secretRequired: 'Enter the secret to share.',
  signedOut: 'Your session has ended. Sign in again.',
  tooLarge: 'The secret is too large.',

  // The history table
  historyHeading: 'Your secret history',
  historyEmpty: 'No secrets yet.',
  refresh: 'Refresh',
  loadMore: 'Load more',
  columnSecret: 'Secret',
  columnStatus: 'Status',
  columnViews: 'Views',
  columnExpires: 'Expires',
  columnActions: 'Actions',
  statusActive: 'Active',
  statusViewed: 'Viewed',
  statusExpired: 'Expired',
  statusBurned: 'Burned',
  unopenedExpired: 'unopened, expired',
  burnedByCreator: 'by you',
  burnedByAttempts: 'too many wrong passphrases',
  burnedByIntegrity: 'failed its integrity check',
  viewsOf: '{views} of {count}',
  viewsReusable: '{views} (reusable)',
  withPassphrase: 'passphrase',
  burn: 'Burn',
  burnConfirm: 'Burn this secret? Its link will stop working.',
  auditTrail: 'Audit trail',
  auditTime: 'Time',
  auditEvent: 'Event',
  auditIp: 'IP',
  auditDetail: 'Detail',
  auditEmpty: 'No events.',
  eventCreated: 'created',
  eventOpened: 'page opened with the key',
  eventRevealed: 'revealed',
  eventPassphraseFailed: 'wrong passphrase',
  eventBurned: 'burned',
  eventExpired: 'expired',
  eventIntegrityFailed: 'integrity check failed',
  attemptLeftShort: '{count} attempt left',
  attemptsLeftShort: '{count} attempts left',
  viewNumber: 'view {count}',
  unknownIp: 'unknown',

  // Notifications and several recipients (DESIGN.md §11)
  notifyLabel: 'Notify me when opened',
  notifyHint: 'The history shows "opened" as soon as someone loads the link.',
  recipientsLegend: 'Recipients',
  severalRecipients: 'Several recipients: a separate link for each',
  recipientsHint:
    'Each recipient gets a link of their own, encrypted with its own key. Opening one does not use up another.',
  recipientLabelInput: 'Recipient {count} label (optional)',
  addRecipient: 'Add a recipient',
  removeRecipient: 'Remove recipient {count}',
  recipientName: 'Recipient {count}',
  createSecretLinks: 'Create {count} secret links',
  encryptingOf: 'Encrypting {count} of {total}…',
  linksReady: 'Secret links created: one for each recipient. Send each one only their own link.',
  linkFor: 'Link for {label}',
  copyLinkFor: 'Copy link for {label}',
  showQr: 'QR code',
  qrLabelFor: 'QR code of the link for {label}',
  groupName: '{label} ({count} recipients)',
  groupUnnamed: 'Several recipients ({count})',
  groupOpened: '{count} of {total} opened',
  notifyTag: 'notify',
  badgeOpened: 'opened',
  announceOpened: '{label} was opened.',

  // The customer's page of a request link (/r/{id})
  requestPageTitle: 'Someone asks you for a secret',
  requestIntro:
    'The person who sent you this link asks you for sensitive information. It is encrypted in your browser; only they can read it, once.',
  requestFor: 'Request: {label}',
  requestOpenUntil: 'This link works until {date}.',
  clickToStart: 'Click to start',
  answerInputLabel: 'Your secret',
  answerInputHint:
    'Type or paste the password, API key or other information. It is encrypted before it leaves your browser.',
  answerRequired: 'Enter the secret to send.',
  sendSecurely: 'Send securely',
  sending: 'Encrypting and sending…',
  sent: 'Sent — you can close this window',
  requestNoScript:
    'This page needs JavaScript to encrypt your secret. Enable it and reload the page.',

  // The creator's "Request a secret" form
  requestHeading: 'Request a secret',
  requestFormIntro:
    'Ask someone for a secret through a link. What they type is encrypted in their browser; only you can read it, once.',
  requestLabelInputLabel: 'Label (optional, shown to the person you ask)',
  createRequestLink: 'Create request link',
  creatingRequest: 'Creating…',
  requestLinkLabel: 'Request link',
  requestLinkReady: 'Request link created. Copy it and send it to the person you ask.',
  requestQrLabel: 'QR code of the request link',
  readLinkLabel: 'Your private link to read the answer',
  readLinkHint:
    'Shown only once. It reads the answer on another device, or if this browser forgets the key. Keep it private, like a password.',
  copyReadLink: 'Copy private link',
  keyNotStored:
    'This browser could not keep the key. Save the private link now, or you will not be able to read the answer.',
  createAnotherRequest: 'Request another secret',

  // The creator's requests (history section and the private read page)
  requestsHeading: 'Your secret requests',
  requestsEmpty: 'No requests yet.',
  columnRequest: 'Request',
  columnAnswered: 'Answered',
  statusOpen: 'Open',
  statusAnswered: 'Answered',
  reveal: 'Reveal',
  answerLabel: 'The answer',
  answerGone: 'This answer was already read, or is no longer available.',
  answerKeyMissing:
    'This browser has no key for this request. Open the private link shown when you created it.',
  notAnsweredYet: 'No answer yet.',
  burnRequestConfirm:
    'Burn this request? Its link will stop working, and an answer not yet read is destroyed.',
  requestAnswerTitle: 'The answer to your request',
  requestNotFound: 'This request is not in your history (or your session has ended).',
  requestAnswerSignedOut:
    'You are signed out. The key to read the answer stays in this browser: it is never sent.',
  signInToRead: 'Sign in to read the answer',
  signInKeyMissing:
    'You are signed out, and this browser has no key for this request: sign in, then open the private link again.',
} as const;

/** The keys of {@link DEFAULT_STRINGS}. */
export type RevealUiStringKey = keyof typeof DEFAULT_STRINGS;

/** A full set of UI texts. */
export type RevealUiStrings = Record<RevealUiStringKey, string>;

/** Texts to override; the rest stay English. */
export type RevealUiStringOverrides = Partial<RevealUiStrings>;

/**
 * The defaults with `overrides` applied; only known keys with string values are taken,
 * so a stray or hostile value can never add keys.
 */
export function resolveStrings(overrides?: unknown): RevealUiStrings {
  const strings: RevealUiStrings = { ...DEFAULT_STRINGS };
  if (overrides === null || typeof overrides !== 'object') return strings;
  for (const key of Object.keys(DEFAULT_STRINGS) as RevealUiStringKey[]) {
    const value = (overrides as Record<string, unknown>)[key];
    if (typeof value === 'string') strings[key] = value;
  }
  return strings;
}

/** Fills `{name}` placeholders. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) =>
    name in values ? String(values[name]) : match,
  );
}
