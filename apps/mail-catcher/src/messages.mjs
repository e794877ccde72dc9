// The words of the mail catcher's own pages in the six UN languages. The mails it shows keep
// their own language; these are the headings, buttons and labels around them.
import { LANGUAGES, parseAcceptLanguage } from '@wsc/models';

/** @typedef {typeof MESSAGES.en} Messages */

export const MESSAGES = {
  en: {
    name: 'Mail catcher',
    tagline: 'every mail the platform sent, kept in memory',
    languages: 'Language of this page',
    mails: 'Mails ({count})',
    refresh: 'Refresh',
    empty: 'No mail yet. Sign up or ask for a password reset, then refresh this page.',
    newestFirst: 'Newest first',
    received: 'Received (UTC)',
    from: 'From',
    to: 'To',
    subject: 'Subject',
    date: 'Date',
    messageId: 'Message-ID',
    language: 'Language',
    noSubject: '(no subject)',
    allMails: 'All mails',
    attachments: 'Attachments',
    attachment: 'Attachment {number}',
    htmlPart: 'HTML part',
    htmlFrame: 'The mail as its reader sees it',
    textPart: 'Text part',
    source: 'Source',
    noSuchMail: 'No such mail',
    noSuchAttachment: 'No such attachment',
    methodNotAllowed: 'Method not allowed',
  },
  fr: {
    name: 'Boîte de réception locale',
    tagline: 'chaque e-mail envoyé par la plateforme, gardé en mémoire',
    languages: 'Langue de cette page',
    mails: 'E-mails ({count})',
    refresh: 'Actualiser',
    empty:
      'Aucun e-mail pour l’instant. Inscrivez-vous ou demandez une réinitialisation du mot de passe, puis actualisez cette page.',
    newestFirst: 'Les plus récents d’abord',
    received: 'Reçu (UTC)',
    from: 'De',
    to: 'À',
    subject: 'Objet',
    date: 'Date',
    messageId: 'Message-ID',
    language: 'Langue',
    noSubject: '(sans objet)',
    allMails: 'Tous les e-mails',
    attachments: 'Pièces jointes',
    attachment: 'Pièce jointe {number}',
    htmlPart: 'Partie HTML',
    htmlFrame: 'L’e-mail tel que son lecteur le voit',
    textPart: 'Partie texte',
    source: 'Source',
    noSuchMail: 'E-mail introuvable',
    noSuchAttachment: 'Pièce jointe introuvable',
    methodNotAllowed: 'Méthode non autorisée',
  },
  es: {
    name: 'Buzón local',
    tagline: 'cada correo que envió la plataforma, guardado en memoria',
    languages: 'Idioma de esta página',
    mails: 'Correos ({count})',
    refresh: 'Actualizar',
    empty:
      'Todavía no hay correo. Regístrese o pida restablecer la contraseña y, después, actualice esta página.',
    newestFirst: 'Los más recientes primero',
    received: 'Recibido (UTC)',
    from: 'De',
    to: 'Para',
    subject: 'Asunto',
    date: 'Fecha',
    messageId: 'Message-ID',
    language: 'Idioma',
    noSubject: '(sin asunto)',
    allMails: 'Todos los correos',
    attachments: 'Archivos adjuntos',
    attachment: 'Archivo adjunto {number}',
    htmlPart: 'Parte HTML',
    htmlFrame: 'El correo tal como lo ve su lector',
    textPart: 'Parte de texto',
    source: 'Código fuente',
    noSuchMail: 'No existe ese correo',
    noSuchAttachment: 'No existe ese archivo adjunto',
    methodNotAllowed: 'Método no permitido',
  },
  ru: {
    name: 'Локальный почтовый ящик',
    tagline: 'все письма, отправленные платформой, хранятся в памяти',
    languages: 'Язык этой страницы',
    mails: 'Письма ({count})',
    refresh: 'Обновить',
    empty: 'Писем пока нет. Зарегистрируйтесь или запросите сброс пароля, затем обновите эту страницу.',
    newestFirst: 'Сначала новые',
    received: 'Получено (UTC)',
    from: 'От',
    to: 'Кому',
    subject: 'Тема',
    date: 'Дата',
    messageId: 'Message-ID',
    language: 'Язык',
    noSubject: '(без темы)',
    allMails: 'Все письма',
    attachments: 'Вложения',
    attachment: 'Вложение {number}',
    htmlPart: 'HTML-часть',
    htmlFrame: 'Письмо так, как его видит получатель',
    textPart: 'Текстовая часть',
    source: 'Исходный текст',
    noSuchMail: 'Такого письма нет',
    noSuchAttachment: 'Такого вложения нет',
    methodNotAllowed: 'Метод не разрешён',
  },
  zh: {
    name: '本地邮件收件箱',
    tagline: '平台发送的每一封邮件，保存在内存中',
    languages: '本页语言',
    mails: '邮件（{count}）',
    refresh: '刷新',
    empty: '还没有邮件。请注册或申请重置密码，然后刷新此页面。',
    newestFirst: '最新的在前',
    received: '接收时间（UTC）',
    from: '发件人',
    to: '收件人',
    subject: '主题',
    date: '日期',
    messageId: 'Message-ID',
    language: '语言',
    noSubject: '（无主题）',
    allMails: '全部邮件',
    attachments: '附件',
    attachment: '附件 {number}',
    htmlPart: 'HTML 部分',
    htmlFrame: '收件人看到的邮件',
    textPart: '纯文本部分',
    source: '源代码',
    noSuchMail: '没有这封邮件',
    noSuchAttachment: '没有这个附件',
    methodNotAllowed: '不允许的方法',
  },
  ar: {
    name: 'صندوق البريد المحلي',
    tagline: 'كل رسالة أرسلتها المنصة، محفوظة في الذاكرة',
    languages: 'لغة هذه الصفحة',
    mails: 'الرسائل ({count})',
    refresh: 'تحديث',
    empty: 'لا توجد رسائل بعد. أنشئ حسابًا أو اطلب إعادة تعيين كلمة المرور، ثم حدّث هذه الصفحة.',
    newestFirst: 'الأحدث أولًا',
    received: 'وقت الاستلام (UTC)',
    from: 'من',
    to: 'إلى',
    subject: 'الموضوع',
    date: 'التاريخ',
    messageId: 'Message-ID',
    language: 'اللغة',
    noSubject: '(بلا موضوع)',
    allMails: 'كل الرسائل',
    attachments: 'المرفقات',
    attachment: 'المرفق {number}',
    htmlPart: 'جزء HTML',
    htmlFrame: 'الرسالة كما يراها قارئها',
    textPart: 'الجزء النصي',
    source: 'المصدر',
    noSuchMail: 'لا توجد رسالة كهذه',
    noSuchAttachment: 'لا يوجد مرفق كهذا',
    methodNotAllowed: 'الطريقة غير مسموح بها',
  },
};

/**
 * The language of a page: the `lang` of the address (the page's language switch), else the
 * browser's `Accept-Language`, else English. `chosen` says it came from the address, so links
 * carry it on.
 *
 * @param {URL} url
 * @param {string | undefined} acceptLanguage
 * @returns {{ language: keyof typeof MESSAGES, chosen: boolean }}
 *
 * @example
 * pageLanguage(new URL('http://catcher/?lang=ar'), 'fr'); // { language: 'ar', chosen: true }
 */
export function pageLanguage(url, acceptLanguage) {
  const asked = url.searchParams.get('lang');
  if (asked && LANGUAGES.includes(asked)) return { language: asked, chosen: true };
  return { language: parseAcceptLanguage(acceptLanguage)[0] ?? 'en', chosen: false };
}

/**
 * The words of a language, with `{name}` placeholders filled.
 *
 * @example
 * words('fr')('mails', { count: 3 }); // 'E-mails (3)'
 */
export function words(language) {
  const messages = MESSAGES[language];
  return (key, values = {}) =>
    messages[key].replace(/\{(\w+)\}/g, (placeholder, name) => String(values[name] ?? placeholder));
}
