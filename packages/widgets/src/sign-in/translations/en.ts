export const messages = {
  title: 'World Smart City Community',
  join: 'Join',
  email: 'E-mail',
  password: 'Password',
  passwordHint: 'At least 10 characters.',
  displayName: 'Your name',
  displayNameHint: 'Shown to other members.',
  role: 'Your role',
  chooseRole: 'Choose your role',
  country: 'Country (optional)',
  notGiven: 'Not given',
  city: 'City (optional)',
  joinNote: 'Joining is free.',
  wrongCredentials: 'Wrong e-mail or password. Check both and try again.',
  emailTaken: 'An account already uses this e-mail. Sign in instead.',
  forgotPassword: 'Forgot your password?',
  resetTitle: 'Reset your password',
  resetNote: 'Enter the e-mail of your account: we send it a link to choose a new password.',
  sendResetLink: 'Send the link',
  resetSent:
    'If an account uses this e-mail, a link to reset its password is on its way. Check your mailbox.',
  backToSignIn: 'Back to sign in',
  tooManyRequests: 'Too many requests for this e-mail. Try again in an hour.',
} as const;

export type SignInDialogMessages = typeof messages;
