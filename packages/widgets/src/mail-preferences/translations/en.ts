export const messages = {
  heading: 'E-mail from the community',
  signedOut: 'Sign in to see which e-mail the community sends you, and to choose it.',
  address: 'Sent to',
  addressState: 'Address',
  confirmed: 'Confirmed',
  unconfirmed: 'Not confirmed yet: open the link in the mail we sent to this address.',
  sendAgain: 'Send the confirmation again',
  confirmationSent: 'A new confirmation mail is on its way. Check your mailbox.',
  alreadyConfirmed: 'Your address is confirmed already.',
  tooManyRequests: 'Too many requests for this e-mail. Try again in an hour.',
  optionalMail: 'Mail you can choose',
  moderation: 'Tell me when a moderator hides one of my comments, and why',
  digest: 'A weekly digest of the most-voted new pain points',
  digestDomains: 'Domains of the digest',
  digestDomainsHint: 'None chosen: every domain. The country of your profile narrows the digest too.',
  alwaysSent:
    'Always sent: account mail (address confirmation, password reset), your event registrations, and changes to the events you registered for.',
  partnerInformsYou:
    'You joined through a partner that keeps you informed itself: the community sends you only the mail you need for your account.',
  save: 'Save my choices',
  saving: 'Saving…',
  saved: 'Your choices are saved.',
} as const;

export type MailPreferencesMessages = typeof messages;
