import type { Translation } from '../../internal/i18n';
import type { EventCardMessages } from './en';

export const messages: Translation<EventCardMessages> = {
  when: '时间',
  where: '地点',
  seatsLeft: { other: '剩余 {count} 个座位' },
  full: '名额已满：新的报名将进入候补名单。',
  registrationOpens: '报名将于 {date} 开始。',
  registrationOpenUntil: '报名截止时间为 {date}。',
  registrationOpen: '报名进行中。',
  registrationClosed: '报名已截止。',
};
