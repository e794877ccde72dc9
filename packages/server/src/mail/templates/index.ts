import { MailTemplateRegistry } from '../template-registry';
import { emailChangedTemplate } from './email-changed';
import { emailConfirmationTemplate } from './email-confirmation';
import { passwordResetTemplate } from './password-reset';

/**
 * Every template the mail worker renders. Feature owners add theirs here (one file per template,
 * six languages each; `templates.test.ts` renders every one in every language).
 */
export const mailTemplates = new MailTemplateRegistry();

// Account mail: strictly transactional.
mailTemplates.register(emailConfirmationTemplate, passwordResetTemplate, emailChangedTemplate);
