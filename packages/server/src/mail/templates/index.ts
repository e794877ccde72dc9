import { MailTemplateRegistry } from '../template-registry';
import { commentHiddenTemplate } from './comment-hidden';
import { emailChangedTemplate } from './email-changed';
import { emailConfirmationTemplate } from './email-confirmation';
import { eventChangedTemplate } from './event-changed';
import { passwordResetTemplate } from './password-reset';
import {
  registrationCancelledTemplate,
  registrationConfirmedTemplate,
  registrationPromotedTemplate,
  registrationWaitlistedTemplate,
} from './registration-notices';
import { sessionChangedTemplate } from './session-changed';
import { weeklyDigestTemplate } from './weekly-digest';

/**
 * Every template the mail worker renders. Feature owners add theirs here (one file per template,
 * six languages each; `templates.test.ts` renders every one in every language).
 */
export const mailTemplates = new MailTemplateRegistry();

// Account mail: strictly transactional.
mailTemplates.register(emailConfirmationTemplate, passwordResetTemplate, emailChangedTemplate);

// Registration notices (with the event's .ics) and event and session changes: transactional,
// about the member's own registration.
mailTemplates.register(
  registrationConfirmedTemplate,
  registrationWaitlistedTemplate,
  registrationPromotedTemplate,
  registrationCancelledTemplate,
  eventChangedTemplate,
  sessionChangedTemplate,
);

// Optional kinds (a one-click unsubscribe each): moderation notices, the weekly digest.
mailTemplates.register(commentHiddenTemplate, weeklyDigestTemplate);
