import type { Language } from '@wsc/models';

/** The words of the pages the mail links open, in the six languages. */
export interface AccountPageMessages {
  confirmTitle: string;
  confirmButton: string;
  confirmDone: string;
  resetTitle: string;
  resetLabel: string;
  resetHint: string;
  resetButton: string;
  resetDone: string;
  invalidLink: string;
  failed: string;
  working: string;
}

export const ACCOUNT_PAGE_MESSAGES: Record<Language, AccountPageMessages> = {
  en: {
    confirmTitle: 'Confirm your e-mail address',
    confirmButton: 'Confirm my address',
    confirmDone: 'Thank you: your address is confirmed. You can close this page.',
    resetTitle: 'Choose a new password',
    resetLabel: 'New password',
    resetHint: 'At least 10 characters.',
    resetButton: 'Set the new password',
    resetDone:
      'Your password is changed and every other session is signed out. Sign in with the new password.',
    invalidLink: 'This link is unknown, already used or expired. Ask for a new mail.',
    failed: 'Something went wrong. Please try again.',
    working: 'One moment…',
  },
  fr: {
    confirmTitle: 'Confirmez votre adresse e-mail',
    confirmButton: 'Confirmer mon adresse',
    confirmDone: 'Merci : votre adresse est confirmée. Vous pouvez fermer cette page.',
    resetTitle: 'Choisissez un nouveau mot de passe',
    resetLabel: 'Nouveau mot de passe',
    resetHint: 'Au moins 10 caractères.',
    resetButton: 'Enregistrer le nouveau mot de passe',
    resetDone:
      'Votre mot de passe est changé et toutes les autres sessions sont fermées. Connectez-vous avec le nouveau mot de passe.',
    invalidLink: 'Ce lien est inconnu, déjà utilisé ou expiré. Demandez un nouveau message.',
    failed: 'Une erreur est survenue. Veuillez réessayer.',
    working: 'Un instant…',
  },
  es: {
    confirmTitle: 'Confirme su dirección de correo electrónico',
    confirmButton: 'Confirmar mi dirección',
    confirmDone: 'Gracias: su dirección está confirmada. Puede cerrar esta página.',
    resetTitle: 'Elija una nueva contraseña',
    resetLabel: 'Nueva contraseña',
    resetHint: 'Al menos 10 caracteres.',
    resetButton: 'Guardar la nueva contraseña',
    resetDone:
      'Su contraseña ha cambiado y se cerraron todas las demás sesiones. Inicie sesión con la nueva contraseña.',
    invalidLink: 'Este enlace es desconocido, ya se usó o caducó. Pida un nuevo mensaje.',
    failed: 'Algo salió mal. Inténtelo de nuevo.',
    working: 'Un momento…',
  },
  ru: {
    confirmTitle: 'Подтвердите адрес электронной почты',
    confirmButton: 'Подтвердить адрес',
    confirmDone: 'Спасибо: ваш адрес подтверждён. Эту страницу можно закрыть.',
    resetTitle: 'Выберите новый пароль',
    resetLabel: 'Новый пароль',
    resetHint: 'Не менее 10 символов.',
    resetButton: 'Сохранить новый пароль',
    resetDone: 'Пароль изменён, все остальные сеансы завершены. Войдите с новым паролем.',
    invalidLink: 'Эта ссылка неизвестна, уже использована или устарела. Запросите новое письмо.',
    failed: 'Что-то пошло не так. Попробуйте ещё раз.',
    working: 'Минуту…',
  },
  zh: {
    confirmTitle: '确认您的电子邮件地址',
    confirmButton: '确认我的地址',
    confirmDone: '谢谢：您的地址已确认。您可以关闭此页面。',
    resetTitle: '设置新密码',
    resetLabel: '新密码',
    resetHint: '至少 10 个字符。',
    resetButton: '保存新密码',
    resetDone: '您的密码已更改，其他所有登录均已退出。请使用新密码登录。',
    invalidLink: '此链接无效、已使用或已过期。请重新申请邮件。',
    failed: '出现问题，请重试。',
    working: '请稍候…',
  },
  ar: {
    confirmTitle: 'أكّد عنوان بريدك الإلكتروني',
    confirmButton: 'تأكيد عنواني',
    confirmDone: 'شكرًا لك: تم تأكيد عنوانك. يمكنك إغلاق هذه الصفحة.',
    resetTitle: 'اختر كلمة مرور جديدة',
    resetLabel: 'كلمة المرور الجديدة',
    resetHint: '10 أحرف على الأقل.',
    resetButton: 'حفظ كلمة المرور الجديدة',
    resetDone: 'تم تغيير كلمة مرورك وإنهاء جميع الجلسات الأخرى. سجّل الدخول بكلمة المرور الجديدة.',
    invalidLink: 'هذا الرابط غير معروف أو مستخدم أو منتهي الصلاحية. اطلب رسالة جديدة.',
    failed: 'حدث خطأ ما. يُرجى المحاولة مرة أخرى.',
    working: 'لحظة…',
  },
};
