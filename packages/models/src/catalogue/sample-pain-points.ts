/**
 * ILLUSTRATIVE SAMPLE DATA — these pain points were written for demonstrations, tests and empty
 * installations. They were NOT reported by real people, and the cities named did not report them;
 * every entry carries `sample: true` so the platform can label it as such.
 *
 * They are grounded in the difficulties the 2016 press release names (see ./sources.ts): city systems
 * (electricity, water, sanitation and waste, transport, safety, environmental monitoring, weather
 * information) come from different vendors, are run by different agencies and often work alone, so
 * connecting them needs standardized interfaces; by 2050, 66% of the world's people will live in
 * cities, which must supply safe food, clean water and enough electricity.
 */
import type { Domain, Severity } from '../enums';
import type { LocalizedText } from '../localized-text';

/** A sample pain point of the seed catalogue (not a community report). */
export interface SamplePainPoint {
  slug: string;
  title: LocalizedText;
  description: LocalizedText;
  domain: Domain;
  city: string | null;
  /** ISO 3166-1 alpha-2. */
  country: string | null;
  severity: Severity;
  sample: true;
}

export const samplePainPoints: readonly SamplePainPoint[] = [
  // mobility
  {
    slug: 'sample-bogota-journey-planner-cannot-combine-modes',
    title: {
      es: 'El planificador de viajes no puede combinar bicicleta pública, autobús y metro',
      en: 'The journey planner cannot combine bike share, bus and metro',
    },
    description: {
      es: 'Cada operador publica sus datos en un formato propio y con su propia aplicación. Los usuarios no pueden planificar un viaje puerta a puerta que combine modos, y la ciudad no puede medir la intermodalidad.',
      en: 'Each operator publishes its data in its own format through its own app. Riders cannot plan a door-to-door trip that combines modes, and the city cannot measure how people change between them.',
    },
    domain: 'mobility',
    city: 'Bogotá',
    country: 'CO',
    severity: 'medium',
    sample: true,
  },
  {
    slug: 'sample-shenzhen-operators-do-not-share-real-time-data',
    title: {
      zh: '网约车、公交和地铁运营方之间不共享实时数据',
      en: 'Ride-hailing, bus and metro operators do not share real-time data',
    },
    description: {
      zh: '各运营方的系统来自不同供应商，由不同机构管理。深夜地铁停运后，乘客无法获得可靠的接驳信息，交通部门也无法统一调度运力。',
      en: 'Each operator runs systems from a different vendor, managed by a different agency. When the metro closes at night riders get no reliable onward connections, and the transport authority cannot coordinate capacity across modes.',
    },
    domain: 'mobility',
    city: 'Shenzhen',
    country: 'CN',
    severity: 'high',
    sample: true,
  },
  {
    slug: 'sample-casablanca-tram-and-bus-tickets-not-interoperable',
    title: {
      fr: 'Les titres du tramway et du bus ne sont pas interopérables',
      ar: 'تذاكر الترام والحافلات غير قابلة للتشغيل البيني',
    },
    description: {
      fr: "Le tramway et le réseau de bus utilisent des systèmes billettiques de fournisseurs différents. Un voyageur qui change de mode doit payer deux fois et aucune donnée commune ne permet d'adapter les correspondances.",
      ar: 'يستخدم الترام وشبكة الحافلات أنظمة تذاكر من موردين مختلفين. على المسافر الذي يبدّل وسيلة النقل أن يدفع مرتين، ولا توجد بيانات مشتركة لتحسين مواعيد الربط بين الخطوط.',
    },
    domain: 'mobility',
    city: 'Casablanca',
    country: 'MA',
    severity: 'medium',
    sample: true,
  },
  // water
  {
    slug: 'sample-amman-leaks-cannot-be-located',
    title: {
      ar: 'لا يمكن تحديد مواقع تسرب المياه لأن بيانات العدادات مبعثرة بين المقاولين',
      en: 'Water leaks cannot be located because meter data stays with each contractor',
    },
    description: {
      ar: 'تُركَّب عدادات المياه الذكية على دفعات، ولكل مقاول منصته الخاصة. لا تستطيع شركة المياه مقارنة التدفقات بين المناطق لتحديد التسربات، في مدينة تعاني أصلاً من شح المياه النظيفة.',
      en: 'Smart water meters are installed in batches and every contractor keeps its own platform. The utility cannot compare flows between districts to find leaks, in a city that is already short of clean water.',
    },
    domain: 'water',
    city: 'Amman',
    country: 'JO',
    severity: 'high',
    sample: true,
  },
  {
    slug: 'sample-lima-water-quality-sensors-incompatible',
    title: {
      es: 'Los sensores de calidad del agua de tres proveedores usan formatos incompatibles',
      en: 'Drinking-water quality sensors from three vendors report in incompatible formats',
    },
    description: {
      es: 'La empresa de agua y el municipio compraron sensores de turbidez y cloro residual a proveedores distintos. Las alertas llegan a sistemas separados y nadie tiene una visión completa cuando la calidad del agua potable se degrada.',
      en: 'The water utility and the municipality bought turbidity and residual-chlorine sensors from different suppliers. Alerts reach separate systems, and no one has the full picture when drinking-water quality drops.',
    },
    domain: 'water',
    city: 'Lima',
    country: 'PE',
    severity: 'high',
    sample: true,
  },
  // energy
  {
    slug: 'sample-lagos-outage-status-not-shared',
    title: {
      en: 'Hospitals learn of power cuts too late: the grid operator and the city share no outage data',
      fr: "Les hôpitaux apprennent trop tard les coupures : le distributeur et la ville ne partagent aucune donnée d'incident",
    },
    description: {
      en: 'With two thirds of the world expected to live in cities by 2050, demand keeps outgrowing supply. The distribution company, the city and the hospitals each run their own systems, so backup generators start late and planned cuts are not coordinated with critical services.',
      fr: "Alors que deux tiers de l'humanité vivront en ville d'ici 2050, la demande dépasse l'offre. Le distributeur, la ville et les hôpitaux exploitent chacun leurs propres systèmes : les groupes électrogènes démarrent tard et les coupures programmées ne sont pas coordonnées avec les services essentiels.",
    },
    domain: 'energy',
    city: 'Lagos',
    country: 'NG',
    severity: 'critical',
    sample: true,
  },
  {
    slug: 'sample-novosibirsk-heat-and-power-metering-separate',
    title: {
      ru: 'Учёт тепла и электроэнергии ведётся в разных закрытых системах',
      en: 'District-heating and electricity metering run on separate proprietary systems',
    },
    description: {
      ru: 'Теплосеть и электросетевая компания используют приборы учёта разных производителей с несовместимыми протоколами. Город не может оценить общее энергопотребление зданий и спланировать модернизацию.',
      en: 'The heating network and the electricity company use meters from different manufacturers with incompatible protocols. The city cannot see the total energy use of buildings or plan retrofits.',
    },
    domain: 'energy',
    city: 'Novosibirsk',
    country: 'RU',
    severity: 'medium',
    sample: true,
  },
  {
    slug: 'sample-dubai-rooftop-solar-not-coordinated',
    title: {
      ar: 'لا تستطيع شركة الكهرباء تنسيق محولات الطاقة الشمسية على الأسطح',
      en: 'The utility cannot coordinate rooftop solar inverters',
    },
    description: {
      ar: 'تأتي المحولات المركبة على أسطح المباني من موردين كثيرين، ولكل منها واجهة اتصال مختلفة. في ساعات الذروة لا تستطيع الشبكة ضبط الإنتاج أو قراءة حالته بشكل موحد.',
      en: 'Inverters on building rooftops come from many suppliers, each with a different communication interface. At peak hours the grid cannot read or adjust their output in one consistent way.',
    },
    domain: 'energy',
    city: 'Dubai',
    country: 'AE',
    severity: 'medium',
    sample: true,
  },
  // sanitation-waste
  {
    slug: 'sample-dakar-collection-routes-without-fill-levels',
    title: {
      fr: 'Les tournées de collecte sont planifiées sans les niveaux de remplissage des bacs',
      en: 'Waste collection routes are planned without bin fill-level data',
    },
    description: {
      fr: 'Des capteurs de remplissage ont été posés par un prestataire, mais le collecteur utilise un autre logiciel de tournées. Les camions passent devant des bacs vides et les dépôts sauvages se multiplient ailleurs.',
      en: 'Fill-level sensors were installed by one contractor, but the collection company uses different routing software. Trucks visit empty bins while illegal dumping grows elsewhere.',
    },
    domain: 'sanitation-waste',
    city: 'Dakar',
    country: 'SN',
    severity: 'medium',
    sample: true,
  },
  {
    slug: 'sample-cairo-sewer-overflow-alarms-not-shared',
    title: {
      ar: 'إنذارات فيضان الصرف الصحي لا تصل إلى جهات الطرق والصحة',
      en: 'Sewer overflow alarms never reach the roads and health agencies',
    },
    description: {
      ar: 'تتلقى شركة الصرف الصحي الإنذارات وحدها. لا تُبلَّغ إدارة الطرق ولا الجهات الصحية في الوقت المناسب، فتبقى الشوارع مغمورة وتتأخر إجراءات حماية السكان.',
      en: 'Only the sewerage company receives the alarms. The roads department and health authorities are not told in time, so streets stay flooded and measures to protect residents come late.',
    },
    domain: 'sanitation-waste',
    city: 'Cairo',
    country: 'EG',
    severity: 'high',
    sample: true,
  },
  // transport
  {
    slug: 'sample-kazan-signal-controllers-cannot-share-timing',
    title: {
      ru: 'Светофорные контроллеры разных производителей не работают по общему плану',
      en: 'Traffic-signal controllers from different vendors cannot share a timing plan',
    },
    description: {
      ru: 'Перекрёстки модернизировались в разные годы разными подрядчиками. Создать «зелёную волну» на магистрали невозможно без замены исправного оборудования.',
      en: 'Junctions were upgraded in different years by different contractors. A green wave along an arterial road is impossible without replacing equipment that still works.',
    },
    domain: 'transport',
    city: 'Kazan',
    country: 'RU',
    severity: 'medium',
    sample: true,
  },
  {
    slug: 'sample-mexico-city-freight-permits-separate-from-traffic',
    title: {
      es: 'Los permisos de carga y la gestión del tránsito funcionan por separado',
      en: 'Freight delivery permits and traffic management are separate systems',
    },
    description: {
      es: 'La dependencia que otorga permisos de carga y el centro de control de tránsito no comparten datos. Los camiones de reparto llegan en horas pico a calles que el centro intenta descongestionar.',
      en: 'The office that issues freight permits and the traffic control centre share no data. Delivery trucks arrive at peak hours in streets the control centre is trying to clear.',
    },
    domain: 'transport',
    city: 'Mexico City',
    country: 'MX',
    severity: 'low',
    sample: true,
  },
  {
    slug: 'sample-kuala-lumpur-bus-arrival-times-inaccurate',
    title: {
      zh: '多家运营商服务的换乘站巴士到站信息不准确',
      en: 'Bus arrival times are wrong at interchanges served by several operators',
    },
    description: {
      zh: '各巴士运营商的车载定位设备和数据格式不同，换乘站显示屏只能显示部分线路，乘客无法据此安排换乘。',
      en: 'Each bus operator uses different on-board location devices and data formats. Interchange displays show only some routes, and riders cannot plan their connections.',
    },
    domain: 'transport',
    city: 'Kuala Lumpur',
    country: 'MY',
    severity: 'low',
    sample: true,
  },
  // public-safety
  {
    slug: 'sample-abidjan-no-shared-incident-picture',
    title: {
      fr: "Appels d'urgence, vidéoprotection et ambulances : trois agences, aucune vision commune",
      en: 'Emergency calls, CCTV and ambulance dispatch: three agencies, no shared incident picture',
    },
    description: {
      fr: "Chaque service a acheté son système à un fournisseur différent. Lors d'un incident majeur, les informations sont relayées par téléphone et les secours perdent de précieuses minutes.",
      en: 'Each service bought its system from a different supplier. During a major incident information is relayed by phone and responders lose precious minutes.',
    },
    domain: 'public-safety',
    city: 'Abidjan',
    country: 'CI',
    severity: 'critical',
    sample: true,
  },
  {
    slug: 'sample-almaty-earthquake-warnings-not-reaching-buildings',
    title: {
      ru: 'Сигналы раннего оповещения о землетрясении не доходят до систем зданий',
      en: 'Earthquake early warnings do not reach building systems',
    },
    description: {
      ru: 'Оповещения передаются по радио и SMS, но не поступают в системы управления зданиями: лифты не останавливаются, а газ не перекрывается автоматически.',
      en: 'Warnings go out by radio and SMS but never reach building management systems: lifts do not stop and gas is not shut off automatically.',
    },
    domain: 'public-safety',
    city: 'Almaty',
    country: 'KZ',
    severity: 'high',
    sample: true,
  },
  // environmental-monitoring
  {
    slug: 'sample-beijing-air-quality-networks-disagree',
    title: {
      zh: '国家和城市空气质量监测网络发布的指数不一致',
      en: 'National and city air-quality networks publish different indices',
    },
    description: {
      zh: '监测站点由不同部门建设和维护，采用不同的设备和数据接口。公众看到相互矛盾的数据，城市难以评估减排措施的效果。',
      en: 'Stations are built and maintained by different departments using different equipment and data interfaces. The public sees contradictory figures and the city struggles to assess its emission-reduction measures.',
    },
    domain: 'environmental-monitoring',
    city: 'Beijing',
    country: 'CN',
    severity: 'medium',
    sample: true,
  },
  {
    slug: 'sample-santiago-streetlight-sensors-unreadable',
    title: {
      es: 'El departamento de medio ambiente no puede leer los sensores instalados en el alumbrado',
      en: 'The environment department cannot read the sensors on street lights',
    },
    description: {
      es: 'Los sensores de ruido y partículas llegaron con el contrato de alumbrado público y sus datos quedan en la plataforma del proveedor, sin una interfaz abierta para otros servicios municipales.',
      en: 'Noise and particulate sensors came with the street-lighting contract, and their data stays on the supplier’s platform with no open interface for other city services.',
    },
    domain: 'environmental-monitoring',
    city: 'Santiago',
    country: 'CL',
    severity: 'low',
    sample: true,
  },
  // weather
  {
    slug: 'sample-guangzhou-rain-warnings-not-linked-to-drainage',
    title: {
      zh: '暴雨预警没有与排水泵站和地铁防洪闸门联动',
      en: 'Heavy-rain warnings are not linked to drainage pumps or metro flood gates',
    },
    description: {
      zh: '气象部门的预警、排水公司的泵站和地铁公司的防洪设施分属不同系统。每次暴雨都要靠电话协调，地铁站入口有时来不及封闭。',
      en: 'Weather-service warnings, the drainage company’s pumping stations and the metro’s flood defences sit in separate systems. Every storm is coordinated by phone, and some station entrances are not closed in time.',
    },
    domain: 'weather',
    city: 'Guangzhou',
    country: 'CN',
    severity: 'high',
    sample: true,
  },
  {
    slug: 'sample-muscat-weather-alerts-arrive-as-documents',
    title: {
      ar: 'تصل إنذارات الأعاصير والحر على شكل مستندات لا يمكن معالجتها آلياً',
      en: 'Cyclone and heat alerts arrive as documents that machines cannot read',
    },
    description: {
      ar: 'تنشر هيئة الأرصاد إنذاراتها بصيغ مكتبية، فلا تستطيع لوحات متابعة المدينة ولا أنظمة المرافق استقبالها تلقائياً لتفعيل خطط الطوارئ.',
      en: 'The meteorological service publishes its alerts as office documents, so neither the city dashboards nor the utilities’ systems can take them in automatically to trigger emergency plans.',
    },
    domain: 'weather',
    city: 'Muscat',
    country: 'OM',
    severity: 'medium',
    sample: true,
  },
  // cybersecurity
  {
    slug: 'sample-lyon-vendor-remote-access-to-water-scada',
    title: {
      fr: "Accès à distance des fournisseurs au SCADA de l'eau sans exigences de sécurité communes",
      en: 'Vendor remote access to water-treatment SCADA with no common security requirements',
    },
    description: {
      fr: "Chaque fournisseur de la station de traitement maintient ses équipements depuis ses propres ordinateurs portables. Les appels d'offres ne fixent aucun niveau de sécurité commun, si bien que la régie ne sait pas ce qu'elle doit exiger.",
      en: 'Each supplier at the treatment plant maintains its equipment from its own laptops. Tenders set no common security level, so the utility does not know what to require.',
    },
    domain: 'cybersecurity',
    city: 'Lyon',
    country: 'FR',
    severity: 'critical',
    sample: true,
  },
  {
    slug: 'sample-riyadh-streetlight-controllers-default-passwords',
    title: {
      ar: 'وحدات التحكم في الإنارة الذكية تُسلَّم بكلمات مرور افتراضية',
      en: 'Smart street-lighting controllers are delivered with default passwords',
    },
    description: {
      ar: 'لا تملك البلدية طريقة للتحقق من مستوى أمان الأجهزة قبل تركيبها، وتُدار آلاف الوحدات عبر شبكة واحدة يمكن أن تصبح مدخلاً لهجوم على أنظمة أخرى.',
      en: 'The municipality has no way to verify the security level of devices before installation, and thousands of units sit on one network that could become a way into other systems.',
    },
    domain: 'cybersecurity',
    city: 'Riyadh',
    country: 'SA',
    severity: 'high',
    sample: true,
  },
  {
    slug: 'sample-saint-petersburg-legacy-controllers-unpatchable',
    title: {
      ru: 'Центр управления дорожным движением не может обновлять устаревшие контроллеры',
      en: 'The traffic management centre cannot patch its legacy controllers',
    },
    description: {
      ru: 'Обновления безопасности может установить только производитель, а договор на обслуживание истёк. Уязвимые устройства остаются в сети, связанной с городскими системами видеонаблюдения.',
      en: 'Only the manufacturer can install security updates, and the maintenance contract has expired. Vulnerable devices stay on a network connected to the city’s video-surveillance systems.',
    },
    domain: 'cybersecurity',
    city: 'Saint Petersburg',
    country: 'RU',
    severity: 'high',
    sample: true,
  },
  // privacy
  {
    slug: 'sample-barcelona-who-processes-public-space-data',
    title: {
      es: 'Los vecinos no saben quién trata los datos de wifi y cámaras en el espacio público',
      en: 'Residents do not know who processes Wi-Fi and camera data collected in public spaces',
    },
    description: {
      es: 'Varios departamentos y concesionarios recogen datos en plazas y calles. No hay un registro común de tratamientos ni un responsable claro al que los vecinos puedan dirigirse.',
      en: 'Several departments and concession holders collect data in squares and streets. There is no common register of processing and no clear controller residents can turn to.',
    },
    domain: 'privacy',
    city: 'Barcelona',
    country: 'ES',
    severity: 'high',
    sample: true,
  },
  {
    slug: 'sample-montreal-mobility-data-reveals-trips',
    title: {
      fr: 'Les données de mobilité partagées avec les opérateurs privés révèlent des trajets précis',
      en: 'Mobility data shared with private operators reveals precise trips',
    },
    description: {
      fr: "La ville exige des données des opérateurs de trottinettes et de vélos en libre-service, mais sans règles communes d'agrégation. Des trajets domicile-travail individuels restent identifiables.",
      en: 'The city requires data from scooter and bike-share operators but has no common aggregation rules. Individual home-to-work trips remain identifiable.',
    },
    domain: 'privacy',
    city: 'Montréal',
    country: 'CA',
    severity: 'medium',
    sample: true,
  },
  {
    slug: 'sample-shanghai-face-recognition-retention-unclear',
    title: {
      zh: '小区门禁人脸识别数据的保存期限和用途不明确',
      en: 'Retention and use of face-recognition data at residential gates are unclear',
    },
    description: {
      zh: '门禁系统由物业公司从不同供应商采购，居民不知道人脸数据保存多久、存放在哪里、是否与其他系统共享。',
      en: 'Property managers buy access-control systems from different suppliers. Residents do not know how long their face data is kept, where it is stored or whether it is shared with other systems.',
    },
    domain: 'privacy',
    city: 'Shanghai',
    country: 'CN',
    severity: 'medium',
    sample: true,
  },
  // ict-infrastructure
  {
    slug: 'sample-tunis-one-iot-platform-per-department',
    title: {
      ar: 'كل إدارة اشترت منصتها الخاصة لإنترنت الأشياء',
      fr: 'Chaque service a acheté sa propre plateforme IoT',
    },
    description: {
      ar: 'لا يمكن تقاسم أجهزة الاستشعار ولا الشبكات بين إدارات المياه والإنارة والنقل، فتُشترى الأجهزة نفسها عدة مرات وتبقى البيانات معزولة.',
      fr: "Les capteurs et les réseaux ne peuvent pas être partagés entre les services de l'eau, de l'éclairage et des transports : les mêmes équipements sont achetés plusieurs fois et les données restent cloisonnées.",
    },
    domain: 'ict-infrastructure',
    city: 'Tunis',
    country: 'TN',
    severity: 'high',
    sample: true,
  },
  {
    slug: 'sample-quito-city-platform-without-open-api',
    title: {
      es: 'La plataforma de datos de la ciudad no tiene una API abierta',
      en: 'The city data platform has no open API',
    },
    description: {
      es: 'Cada integración nueva debe contratarse con el mismo proveedor. Las universidades y empresas locales no pueden desarrollar servicios y el municipio depende de un único proveedor.',
      en: 'Every new integration has to be bought from the same vendor. Local universities and companies cannot build services, and the city is locked in to one supplier.',
    },
    domain: 'ict-infrastructure',
    city: 'Quito',
    country: 'EC',
    severity: 'high',
    sample: true,
  },
  {
    slug: 'sample-yekaterinburg-iot-networks-do-not-roam',
    title: {
      ru: 'Устройства интернета вещей не могут переходить между сетями разных операторов',
      en: 'IoT devices cannot move between networks run by different operators',
    },
    description: {
      ru: 'Сети LoRaWAN и NB-IoT построены разными операторами для разных городских служб. Датчик, купленный для одной сети, нельзя использовать в другой, и покрытие дублируется.',
      en: 'LoRaWAN and NB-IoT networks were built by different operators for different city services. A sensor bought for one network cannot be used on the other, and coverage is duplicated.',
    },
    domain: 'ict-infrastructure',
    city: 'Yekaterinburg',
    country: 'RU',
    severity: 'medium',
    sample: true,
  },
];
