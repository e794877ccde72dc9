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
} as const;

export type SignInDialogMessages = typeof messages;
