/**
 * The first World Smart City Forum, from the joint press release of ITU, IEC and ISO
 * (Geneva, 18 January 2016: /work/shared/seed/press-release-2016-01-18.zh.txt).
 * Names and descriptions in the six UN languages are faithful renderings of that release.
 */
import type { Event } from '../event';
import { PRESS_RELEASE_2016_SOURCE } from './sources';

export const forum2016: Event = {
  id: 'world-smart-city-forum-2016',
  slug: 'world-smart-city-forum-2016',
  name: {
    ar: 'المنتدى العالمي للمدن الذكية 2016',
    zh: '2016年全球智慧城市论坛',
    en: 'World Smart City Forum 2016',
    fr: 'Forum mondial des villes intelligentes 2016',
    ru: 'Всемирный форум умных городов 2016',
    es: 'Foro Mundial de Ciudades Inteligentes 2016',
  },
  description: {
    ar: 'المنتدى العالمي الأول للمدن الذكية، تنظمه اللجنة الكهرتقنية الدولية (IEC) بالتعاون مع المنظمة الدولية للتوحيد القياسي (ISO) والاتحاد الدولي للاتصالات (ITU) في سنغافورة يوم 13 يوليو 2016، بالتزامن مع القمة العالمية للمدن وأسبوع سنغافورة الدولي للمياه. يبحث المنتدى في العقبات الرئيسية أمام بناء المدن الذكية وكيفية إزالتها، وفي الأدوات التي تساعد المدن على بلوغ أهدافها بشكل أسرع وأكثر كفاءة واكتمالاً. الحضور مجاني للمسجلين في موقع المجتمع، ولأعضاء IEC وISO وITU، ولمن تدعوهم هذه المنظمات، وللمسجلين في القمة العالمية للمدن أو في أسبوع سنغافورة الدولي للمياه.',
    zh: '首届全球智慧城市论坛由国际电工委员会（IEC）与国际标准化组织（ISO）和国际电联（ITU）合作举办，于2016年7月13日在新加坡举行，同期举办的活动还有世界城市峰会和新加坡国际水周。论坛将探讨建设智慧城市的主要障碍是什么、如何消除这些障碍，以及哪些工具可以协助城市更快、更高效、更圆满地实现其目标。在社区网站注册的人士、IEC、ISO和国际电联的成员、这些组织邀请的人士以及注册参加世界城市峰会或新加坡国际水周的人士均可免费参加。',
    en: 'The first World Smart City Forum, organized by IEC with ISO and ITU in Singapore on 13 July 2016, alongside the World Cities Summit and Singapore International Water Week. It asks what the main obstacles to building smart cities are, how to remove them, and which tools help cities reach their goals faster, more efficiently and more completely. Attendance is free for people registered on the community site, members of IEC, ISO and ITU, people those organizations invite, and people registered for the World Cities Summit or Singapore International Water Week.',
    fr: "Premier Forum mondial des villes intelligentes, organisé par l'IEC avec l'ISO et l'UIT à Singapour le 13 juillet 2016, en même temps que le Sommet mondial des villes et la Semaine internationale de l'eau de Singapour. Il examine les principaux obstacles à la construction de villes intelligentes, la manière de les lever et les outils qui aident les villes à atteindre leurs objectifs plus vite, plus efficacement et plus complètement. La participation est gratuite pour les personnes inscrites sur le site de la communauté, les membres de l'IEC, de l'ISO et de l'UIT, les personnes invitées par ces organisations et les inscrits au Sommet mondial des villes ou à la Semaine internationale de l'eau de Singapour.",
    ru: 'Первый Всемирный форум умных городов, организованный МЭК совместно с ИСО и МСЭ в Сингапуре 13 июля 2016 года одновременно со Всемирным саммитом городов и Сингапурской международной неделей воды. Форум обсуждает, каковы главные препятствия на пути создания умных городов, как их устранить и какие инструменты помогают городам достигать своих целей быстрее, эффективнее и полнее. Участие бесплатно для зарегистрированных на сайте сообщества, членов МЭК, ИСО и МСЭ, лиц, приглашённых этими организациями, а также зарегистрированных участников Всемирного саммита городов или Сингапурской международной недели воды.',
    es: 'Primer Foro Mundial de Ciudades Inteligentes, organizado por la IEC con la ISO y la UIT en Singapur el 13 de julio de 2016, junto con la Cumbre Mundial de Ciudades y la Semana Internacional del Agua de Singapur. Analiza cuáles son los principales obstáculos para construir ciudades inteligentes, cómo eliminarlos y qué herramientas ayudan a las ciudades a alcanzar sus objetivos de forma más rápida, eficiente y completa. La asistencia es gratuita para las personas registradas en el sitio de la comunidad, los miembros de la IEC, la ISO y la UIT, las personas invitadas por estas organizaciones y las inscritas en la Cumbre Mundial de Ciudades o en la Semana Internacional del Agua de Singapur.',
  },
  // The press release gives the date only, not the hours: 09:00–18:00 local time stands for "the whole day".
  startsAt: '2016-07-13T09:00:00+08:00',
  endsAt: '2016-07-13T18:00:00+08:00',
  timeZone: 'Asia/Singapore',
  city: 'Singapore',
  country: 'SG',
  // The release names no venue.
  venue: null,
  // "organised by IEC with ISO and ITU": the lead organiser comes first.
  organiserIds: ['iec', 'iso', 'itu'],
  coLocatedEvents: [
    {
      code: 'world-cities-summit',
      name: 'World Cities Summit',
      // The Chinese release prints "www.worldcitysummit.com.sg"; the summit's own address is worldcitiessummit.
      url: 'https://www.worldcitiessummit.com.sg/',
    },
    {
      code: 'singapore-international-water-week',
      name: 'Singapore International Water Week',
      url: 'https://www.siww.com.sg/',
    },
  ],
  // The release sets no capacity.
  capacity: null,
  // Registration opened with the community's launch on 18 January 2016 (Geneva, UTC+01:00).
  registrationOpensAt: '2016-01-18T00:00:00+01:00',
  // The release gives no closing date; registration is taken to close when the forum opens.
  registrationClosesAt: '2016-07-13T09:00:00+08:00',
  // Community registrants; IEC, ISO and ITU members; their invitees; World Cities Summit and SIWW registrants.
  freeAttendance: ['community-member', 'standards-body-member', 'invited', 'co-located-registrant'],
  source: PRESS_RELEASE_2016_SOURCE,
};

/** Every event of the catalogue, oldest first. */
export const events: readonly Event[] = [forum2016];
