import type { Translation } from '../../internal/i18n';
import type { SignInDialogMessages } from './en';

export const messages: Translation<SignInDialogMessages> = {
  title: 'مجتمع المدن الذكية العالمي',
  join: 'انضم',
  email: 'البريد الإلكتروني',
  password: 'كلمة المرور',
  passwordHint: '10 أحرف على الأقل.',
  displayName: 'اسمك',
  displayNameHint: 'يظهر لأعضاء المجتمع الآخرين.',
  role: 'دورك',
  chooseRole: 'اختر دورك',
  country: 'البلد (اختياري)',
  notGiven: 'غير محدد',
  city: 'المدينة (اختياري)',
  joinNote: 'الانضمام مجاني.',
  wrongCredentials: 'البريد الإلكتروني أو كلمة المرور غير صحيحة. تحقّق منهما وأعد المحاولة.',
  emailTaken: 'هذا البريد الإلكتروني مستخدم في حساب آخر. سجّل الدخول بدلًا من ذلك.',
  forgotPassword: 'هل نسيت كلمة المرور؟',
  resetTitle: 'إعادة تعيين كلمة المرور',
  resetNote: 'أدخل البريد الإلكتروني لحسابك: سنرسل إليه رابطًا لاختيار كلمة مرور جديدة.',
  sendResetLink: 'إرسال الرابط',
  resetSent:
    'إذا كان هناك حساب يستخدم هذا البريد الإلكتروني، فإن رابط إعادة تعيين كلمة المرور في طريقه إليك. تحقّق من بريدك.',
  backToSignIn: 'العودة إلى تسجيل الدخول',
  tooManyRequests: 'طلبات كثيرة جدًا لهذا البريد الإلكتروني. حاول مرة أخرى بعد ساعة.',
};
