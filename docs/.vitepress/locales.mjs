// The six UN languages of the documentation site: the words of its interface (navigation, sidebars,
// search, outline, footer, 404) and of the reference entry pages, one block per language. English is the
// root; every other language is the folder of its code (`ar/`, `zh/`, `fr/`, `ru/`, `es/`) holding a
// translation of every English guide (scripts/translations.mjs checks it). Plain JavaScript, so that
// both the configuration (config.mts) and the build script (scripts/build.mjs) read it.

/**
 * @typedef {'getting-started' | 'embedding' | 'webhooks' | 'live-updates-and-webhooks' | 'self-hosting' | 'releasing' | 'performance'} GuideName
 * @typedef {'elements' | 'http' | 'api'} ReferenceName
 *
 * @typedef {object} ReferenceWords
 * @property {string} title the entry page's heading (and its sidebar group)
 * @property {string} intro what the reference is, in the reader's language
 * @property {string} listHeading the heading above the list of pages
 *
 * @typedef {object} LocaleWords
 * @property {string} code the folder (`ar`); `en` is the root
 * @property {string} lang the BCP 47 tag of its pages (`zh-Hans`)
 * @property {'ltr' | 'rtl'} dir
 * @property {string} label the language's own name, as the switcher shows it
 * @property {string} title the site's title
 * @property {string} description
 * @property {{ guides: string, elements: string, http: string, packages: string }} nav
 * @property {string} guidesHeading the sidebar group of the guides
 * @property {Record<GuideName, string>} guides short sidebar labels
 * @property {string} overview the label of a package's README page in the API sidebar
 * @property {Record<ReferenceName, ReferenceWords>} reference
 * @property {string} sourceTitle the title of the box holding sourceNote
 * @property {string} sourceNote says that identifiers and descriptions come from the code (in English)
 * @property {string} englishNote after the list's heading: says that the linked pages are in English
 * @property {{ outlineTitle: string, prev: string, next: string, editLink: string, lastUpdated: string, darkModeSwitchLabel: string, lightModeSwitchTitle: string, darkModeSwitchTitle: string, sidebarMenuLabel: string, returnToTopLabel: string, langMenuLabel: string, skipToContentLabel: string }} ui
 * @property {{ title: string, quote: string, linkLabel: string, linkText: string }} notFound
 * @property {{ buttonText: string, displayDetails: string, resetButtonTitle: string, backButtonTitle: string, noResultsText: string, selectText: string, selectKeyAriaLabel: string, navigateText: string, navigateUpKeyAriaLabel: string, navigateDownKeyAriaLabel: string, closeText: string, closeKeyAriaLabel: string }} search
 */

/** The guides, in sidebar order (the English files at docs/, and the same names in each language's folder). */
export const GUIDE_ORDER = /** @type {const} */ ([
  'getting-started',
  'embedding',
  'webhooks',
  'live-updates-and-webhooks',
  'self-hosting',
  'releasing',
  'performance',
]);

/** @type {LocaleWords[]} English first, then the other five in the order of the UN's languages. */
export const LOCALES = [
  {
    code: 'en',
    lang: 'en',
    dir: 'ltr',
    label: 'English',
    title: 'World Smart City Community',
    description:
      'Guides and references of the World Smart City Community platform: the API, the SDK and the embeddable widgets.',
    nav: { guides: 'Guides', elements: 'Elements', http: 'HTTP API', packages: 'Packages' },
    guidesHeading: 'Guides',
    guides: {
      'getting-started': 'Getting started (partner developers)',
      embedding: 'Embedding the widgets (web editors)',
      webhooks: 'Webhooks',
      'live-updates-and-webhooks': 'Live updates and webhooks in depth',
      'self-hosting': 'Self-hosting',
      releasing: 'Releasing the packages',
      performance: 'Performance',
    },
    overview: 'Overview',
    reference: {
      elements: { title: 'Elements', intro: '', listHeading: 'Elements' },
      http: { title: 'HTTP API', intro: '', listHeading: 'Pages' },
      api: { title: 'TypeScript API', intro: '', listHeading: 'Packages' },
    },
    sourceTitle: 'About this reference',
    sourceNote: '',
    englishNote: '',
    ui: {
      outlineTitle: 'On this page',
      prev: 'Previous page',
      next: 'Next page',
      editLink: 'Edit this page',
      lastUpdated: 'Last updated',
      darkModeSwitchLabel: 'Appearance',
      lightModeSwitchTitle: 'Switch to light theme',
      darkModeSwitchTitle: 'Switch to dark theme',
      sidebarMenuLabel: 'Menu',
      returnToTopLabel: 'Return to top',
      langMenuLabel: 'Change language',
      skipToContentLabel: 'Skip to content',
    },
    notFound: {
      title: 'PAGE NOT FOUND',
      quote:
        'This address names no page of the documentation. It may have moved, or the link may be mistyped.',
      linkLabel: 'go to the home page',
      linkText: 'Take me home',
    },
    search: {
      buttonText: 'Search',
      displayDetails: 'Display detailed list',
      resetButtonTitle: 'Reset search',
      backButtonTitle: 'Close search',
      noResultsText: 'No results for',
      selectText: 'to select',
      selectKeyAriaLabel: 'enter',
      navigateText: 'to navigate',
      navigateUpKeyAriaLabel: 'up arrow',
      navigateDownKeyAriaLabel: 'down arrow',
      closeText: 'to close',
      closeKeyAriaLabel: 'escape',
    },
  },
  {
    code: 'ar',
    lang: 'ar',
    dir: 'rtl',
    label: 'العربية',
    title: 'مجتمع المدن الذكية العالمي',
    description:
      'أدلة ومراجع منصة مجتمع المدن الذكية العالمي (World Smart City Community): واجهة البرمجة، وحزمة تطوير البرمجيات، والعناصر القابلة للتضمين.',
    nav: { guides: 'الأدلة', elements: 'العناصر', http: 'واجهة HTTP', packages: 'الحزم' },
    guidesHeading: 'الأدلة',
    guides: {
      'getting-started': 'البدء (لمطوري الشركاء)',
      embedding: 'تضمين العناصر (لمحرري المواقع)',
      webhooks: 'خطافات الويب',
      'live-updates-and-webhooks': 'التحديثات الحية وخطافات الويب بالتفصيل',
      'self-hosting': 'الاستضافة الذاتية',
      releasing: 'إصدار الحزم',
      performance: 'الأداء',
    },
    overview: 'نظرة عامة',
    reference: {
      elements: {
        title: 'مرجع العناصر',
        intro:
          'العناصر المخصصة (custom elements) التي يضمّنها محررو المواقع في صفحاتهم: سماتها وأحداثها وأجزاؤها وخصائص CSS الخاصة بها. تُولَّد صفحات المرجع من بيان العناصر المخصصة (custom-elements manifest) لحزمة `@wsc/widgets` عند كل بناء، فتذكر بالضبط ما تقبله العناصر.',
        listHeading: 'العناصر',
      },
      http: {
        title: 'مرجع واجهة HTTP',
        intro:
          'كل مسار من مسارات واجهة HTTP ‏`/v1`: المعاملات وأجسام الطلبات والاستجابات وأنواع الأخطاء (`application/problem+json`). يُولَّد المرجع عند كل بناء من وثيقة OpenAPI التي يقدّمها الخادم نفسه (`/openapi.json`).',
        listHeading: 'الصفحات',
      },
      api: {
        title: 'مرجع الحزم',
        intro:
          'واجهة TypeScript البرمجية لكل حزمة ولكل نقطة دخول (entry point)، مولَّدة بأداة typedoc من الشيفرة المصدرية عند كل بناء.',
        listHeading: 'الحزم',
      },
    },
    sourceTitle: 'عن هذا المرجع',
    sourceNote:
      'المعرّفات (أسماء العناصر والسمات والمسارات والأنواع والدوال) والأوصاف مأخوذة كما هي من الشيفرة، ولذلك فهي بالإنجليزية: الصفحات المرتبطة أدناه هي المرجع الإنجليزي الواحد للموقع، ولا تُترجَم حتى لا تنفصل عن الشيفرة.',
    englishNote: ' (بالإنجليزية)',
    ui: {
      outlineTitle: 'في هذه الصفحة',
      prev: 'الصفحة السابقة',
      next: 'الصفحة التالية',
      editLink: 'تعديل هذه الصفحة',
      lastUpdated: 'آخر تحديث',
      darkModeSwitchLabel: 'المظهر',
      lightModeSwitchTitle: 'التبديل إلى المظهر الفاتح',
      darkModeSwitchTitle: 'التبديل إلى المظهر الداكن',
      sidebarMenuLabel: 'القائمة',
      returnToTopLabel: 'العودة إلى الأعلى',
      langMenuLabel: 'تغيير اللغة',
      skipToContentLabel: 'الانتقال إلى المحتوى',
    },
    notFound: {
      title: 'الصفحة غير موجودة',
      quote: 'لا يشير هذا العنوان إلى أي صفحة في التوثيق. ربما نُقلت الصفحة، أو في الرابط خطأ.',
      linkLabel: 'الذهاب إلى الصفحة الرئيسية',
      linkText: 'العودة إلى الصفحة الرئيسية',
    },
    search: {
      buttonText: 'بحث',
      displayDetails: 'عرض قائمة مفصّلة',
      resetButtonTitle: 'مسح البحث',
      backButtonTitle: 'إغلاق البحث',
      noResultsText: 'لا نتائج لـ',
      selectText: 'للاختيار',
      selectKeyAriaLabel: 'إدخال',
      navigateText: 'للتنقل',
      navigateUpKeyAriaLabel: 'السهم للأعلى',
      navigateDownKeyAriaLabel: 'السهم للأسفل',
      closeText: 'للإغلاق',
      closeKeyAriaLabel: 'الخروج',
    },
  },
  {
    code: 'zh',
    lang: 'zh-Hans',
    dir: 'ltr',
    label: '简体中文',
    title: '世界智慧城市社区',
    description:
      '世界智慧城市社区（World Smart City Community）平台的指南与参考：API、SDK 与可嵌入的小组件。',
    nav: { guides: '指南', elements: '元素', http: 'HTTP API', packages: '软件包' },
    guidesHeading: '指南',
    guides: {
      'getting-started': '入门（合作伙伴开发者）',
      embedding: '嵌入小组件（网站编辑）',
      webhooks: 'Webhook',
      'live-updates-and-webhooks': '实时更新与 Webhook 详解',
      'self-hosting': '自行托管',
      releasing: '发布软件包',
      performance: '性能',
    },
    overview: '概览',
    reference: {
      elements: {
        title: '元素参考',
        intro:
          '网站编辑嵌入页面的自定义元素：它们的属性、事件、部件（part）与 CSS 自定义属性。参考页面在每次构建时由 `@wsc/widgets` 的自定义元素清单（custom-elements manifest）生成，因此列出的正是元素实际接受的内容。',
        listHeading: '元素',
      },
      http: {
        title: 'HTTP API 参考',
        intro:
          '`/v1` HTTP API 的每个路由：参数、请求体与响应体，以及错误类型（`application/problem+json`）。参考在每次构建时由服务器自身提供的 OpenAPI 文档（`/openapi.json`）生成。',
        listHeading: '页面',
      },
      api: {
        title: '软件包参考',
        intro:
          '每个软件包及其每个入口点（entry point）的 TypeScript API，在每次构建时由 typedoc 从源代码生成。',
        listHeading: '软件包',
      },
    },
    sourceTitle: '关于本参考',
    sourceNote:
      '标识符（元素、属性、路由、类型与函数的名称）和说明文字均原样取自代码，因此为英文：下面链接的是本站唯一的英文参考，为了与代码保持一致而不作翻译。',
    englishNote: '（英文）',
    ui: {
      outlineTitle: '本页内容',
      prev: '上一页',
      next: '下一页',
      editLink: '编辑此页',
      lastUpdated: '最后更新',
      darkModeSwitchLabel: '外观',
      lightModeSwitchTitle: '切换到浅色主题',
      darkModeSwitchTitle: '切换到深色主题',
      sidebarMenuLabel: '菜单',
      returnToTopLabel: '返回顶部',
      langMenuLabel: '切换语言',
      skipToContentLabel: '跳到正文',
    },
    notFound: {
      title: '页面未找到',
      quote: '此地址不对应文档中的任何页面。页面可能已移动，或者链接有误。',
      linkLabel: '前往首页',
      linkText: '返回首页',
    },
    search: {
      buttonText: '搜索',
      displayDetails: '显示详细列表',
      resetButtonTitle: '清除搜索',
      backButtonTitle: '关闭搜索',
      noResultsText: '没有结果：',
      selectText: '选择',
      selectKeyAriaLabel: '回车',
      navigateText: '切换',
      navigateUpKeyAriaLabel: '上箭头',
      navigateDownKeyAriaLabel: '下箭头',
      closeText: '关闭',
      closeKeyAriaLabel: 'Esc',
    },
  },
  {
    code: 'fr',
    lang: 'fr',
    dir: 'ltr',
    label: 'Français',
    title: 'World Smart City Community',
    description:
      'Guides et références de la plateforme World Smart City Community : l’API, le SDK et les widgets intégrables.',
    nav: { guides: 'Guides', elements: 'Éléments', http: 'API HTTP', packages: 'Paquets' },
    guidesHeading: 'Guides',
    guides: {
      'getting-started': 'Premiers pas (développeurs partenaires)',
      embedding: 'Intégrer les widgets (éditeurs web)',
      webhooks: 'Webhooks',
      'live-updates-and-webhooks': 'Mises à jour en direct et webhooks en détail',
      'self-hosting': 'Auto-hébergement',
      releasing: 'Publier les paquets',
      performance: 'Performances',
    },
    overview: 'Vue d’ensemble',
    reference: {
      elements: {
        title: 'Référence des éléments',
        intro:
          'Les éléments personnalisés que les éditeurs web placent dans leurs pages : leurs attributs, événements, parties et propriétés CSS. Les pages de référence sont générées à chaque construction à partir du manifeste des éléments personnalisés (custom-elements manifest) de `@wsc/widgets` : elles disent exactement ce que les éléments acceptent.',
        listHeading: 'Éléments',
      },
      http: {
        title: 'Référence de l’API HTTP',
        intro:
          'Chaque route de l’API HTTP `/v1` : paramètres, corps des requêtes et des réponses, types d’erreur (`application/problem+json`). La référence est générée à chaque construction à partir du document OpenAPI que sert le serveur lui-même (`/openapi.json`).',
        listHeading: 'Pages',
      },
      api: {
        title: 'Référence des paquets',
        intro:
          'L’API TypeScript de chaque paquet et de chacun de ses points d’entrée, générée par typedoc à partir du code source à chaque construction.',
        listHeading: 'Paquets',
      },
    },
    sourceTitle: 'À propos de cette référence',
    sourceNote:
      'Les identifiants (noms des éléments, attributs, routes, types et fonctions) et les descriptions viennent tels quels du code, donc en anglais : les pages liées ci-dessous sont l’unique référence anglaise du site, non traduite pour ne jamais s’écarter du code.',
    englishNote: ' (en anglais)',
    ui: {
      outlineTitle: 'Sur cette page',
      prev: 'Page précédente',
      next: 'Page suivante',
      editLink: 'Modifier cette page',
      lastUpdated: 'Dernière mise à jour',
      darkModeSwitchLabel: 'Apparence',
      lightModeSwitchTitle: 'Passer au thème clair',
      darkModeSwitchTitle: 'Passer au thème sombre',
      sidebarMenuLabel: 'Menu',
      returnToTopLabel: 'Retour en haut',
      langMenuLabel: 'Changer de langue',
      skipToContentLabel: 'Aller au contenu',
    },
    notFound: {
      title: 'PAGE INTROUVABLE',
      quote:
        'Cette adresse ne correspond à aucune page de la documentation. La page a peut-être été déplacée, ou le lien est mal saisi.',
      linkLabel: 'aller à la page d’accueil',
      linkText: 'Retour à l’accueil',
    },
    search: {
      buttonText: 'Rechercher',
      displayDetails: 'Afficher la liste détaillée',
      resetButtonTitle: 'Effacer la recherche',
      backButtonTitle: 'Fermer la recherche',
      noResultsText: 'Aucun résultat pour',
      selectText: 'pour choisir',
      selectKeyAriaLabel: 'entrée',
      navigateText: 'pour naviguer',
      navigateUpKeyAriaLabel: 'flèche haut',
      navigateDownKeyAriaLabel: 'flèche bas',
      closeText: 'pour fermer',
      closeKeyAriaLabel: 'échap',
    },
  },
  {
    code: 'ru',
    lang: 'ru',
    dir: 'ltr',
    label: 'Русский',
    title: 'World Smart City Community',
    description:
      'Руководства и справочники платформы World Smart City Community: API, SDK и встраиваемые виджеты.',
    nav: { guides: 'Руководства', elements: 'Элементы', http: 'HTTP API', packages: 'Пакеты' },
    guidesHeading: 'Руководства',
    guides: {
      'getting-started': 'Начало работы (разработчики партнёров)',
      embedding: 'Встраивание виджетов (веб-редакторы)',
      webhooks: 'Вебхуки',
      'live-updates-and-webhooks': 'Обновления в реальном времени и вебхуки подробно',
      'self-hosting': 'Собственный хостинг',
      releasing: 'Выпуск пакетов',
      performance: 'Производительность',
    },
    overview: 'Обзор',
    reference: {
      elements: {
        title: 'Справочник элементов',
        intro:
          'Пользовательские элементы, которые веб-редакторы вставляют в свои страницы: их атрибуты, события, части и CSS-свойства. Страницы справочника создаются при каждой сборке из манифеста пользовательских элементов (custom-elements manifest) пакета `@wsc/widgets`, поэтому перечисляют ровно то, что элементы принимают.',
        listHeading: 'Элементы',
      },
      http: {
        title: 'Справочник HTTP API',
        intro:
          'Каждый маршрут HTTP API `/v1`: параметры, тела запросов и ответов, типы ошибок (`application/problem+json`). Справочник создаётся при каждой сборке из документа OpenAPI, который отдаёт сам сервер (`/openapi.json`).',
        listHeading: 'Страницы',
      },
      api: {
        title: 'Справочник пакетов',
        intro:
          'TypeScript API каждого пакета и каждой его точки входа, созданный typedoc из исходного кода при каждой сборке.',
        listHeading: 'Пакеты',
      },
    },
    sourceTitle: 'Об этом справочнике',
    sourceNote:
      'Идентификаторы (имена элементов, атрибутов, маршрутов, типов и функций) и описания берутся из кода как есть, поэтому они на английском: ниже — ссылки на единый английский справочник сайта, который не переводится, чтобы никогда не расходиться с кодом.',
    englishNote: ' (на английском)',
    ui: {
      outlineTitle: 'На этой странице',
      prev: 'Предыдущая страница',
      next: 'Следующая страница',
      editLink: 'Редактировать страницу',
      lastUpdated: 'Последнее обновление',
      darkModeSwitchLabel: 'Оформление',
      lightModeSwitchTitle: 'Включить светлую тему',
      darkModeSwitchTitle: 'Включить тёмную тему',
      sidebarMenuLabel: 'Меню',
      returnToTopLabel: 'Наверх',
      langMenuLabel: 'Сменить язык',
      skipToContentLabel: 'Перейти к содержимому',
    },
    notFound: {
      title: 'СТРАНИЦА НЕ НАЙДЕНА',
      quote: 'По этому адресу в документации нет страницы. Возможно, она перемещена или в ссылке опечатка.',
      linkLabel: 'перейти на главную страницу',
      linkText: 'На главную',
    },
    search: {
      buttonText: 'Поиск',
      displayDetails: 'Показать подробный список',
      resetButtonTitle: 'Сбросить поиск',
      backButtonTitle: 'Закрыть поиск',
      noResultsText: 'Нет результатов для',
      selectText: 'выбрать',
      selectKeyAriaLabel: 'ввод',
      navigateText: 'перейти',
      navigateUpKeyAriaLabel: 'стрелка вверх',
      navigateDownKeyAriaLabel: 'стрелка вниз',
      closeText: 'закрыть',
      closeKeyAriaLabel: 'escape',
    },
  },
  {
    code: 'es',
    lang: 'es',
    dir: 'ltr',
    label: 'Español',
    title: 'World Smart City Community',
    description:
      'Guías y referencias de la plataforma World Smart City Community: la API, el SDK y los widgets integrables.',
    nav: { guides: 'Guías', elements: 'Elementos', http: 'API HTTP', packages: 'Paquetes' },
    guidesHeading: 'Guías',
    guides: {
      'getting-started': 'Primeros pasos (desarrolladores socios)',
      embedding: 'Integrar los widgets (editores web)',
      webhooks: 'Webhooks',
      'live-updates-and-webhooks': 'Actualizaciones en vivo y webhooks a fondo',
      'self-hosting': 'Alojamiento propio',
      releasing: 'Publicar los paquetes',
      performance: 'Rendimiento',
    },
    overview: 'Resumen',
    reference: {
      elements: {
        title: 'Referencia de los elementos',
        intro:
          'Los elementos personalizados que los editores web ponen en sus páginas: sus atributos, eventos, partes y propiedades CSS. Las páginas de referencia se generan en cada compilación a partir del manifiesto de elementos personalizados (custom-elements manifest) de `@wsc/widgets`, así que enumeran exactamente lo que aceptan los elementos.',
        listHeading: 'Elementos',
      },
      http: {
        title: 'Referencia de la API HTTP',
        intro:
          'Cada ruta de la API HTTP `/v1`: parámetros, cuerpos de peticiones y respuestas, tipos de error (`application/problem+json`). La referencia se genera en cada compilación a partir del documento OpenAPI que sirve el propio servidor (`/openapi.json`).',
        listHeading: 'Páginas',
      },
      api: {
        title: 'Referencia de los paquetes',
        intro:
          'La API TypeScript de cada paquete y de cada uno de sus puntos de entrada, generada por typedoc a partir del código fuente en cada compilación.',
        listHeading: 'Paquetes',
      },
    },
    sourceTitle: 'Acerca de esta referencia',
    sourceNote:
      'Los identificadores (nombres de elementos, atributos, rutas, tipos y funciones) y las descripciones vienen tal cual del código, por eso están en inglés: abajo se enlaza la única referencia en inglés del sitio, que no se traduce para no separarse nunca del código.',
    englishNote: ' (en inglés)',
    ui: {
      outlineTitle: 'En esta página',
      prev: 'Página anterior',
      next: 'Página siguiente',
      editLink: 'Editar esta página',
      lastUpdated: 'Última actualización',
      darkModeSwitchLabel: 'Apariencia',
      lightModeSwitchTitle: 'Cambiar al tema claro',
      darkModeSwitchTitle: 'Cambiar al tema oscuro',
      sidebarMenuLabel: 'Menú',
      returnToTopLabel: 'Volver arriba',
      langMenuLabel: 'Cambiar de idioma',
      skipToContentLabel: 'Ir al contenido',
    },
    notFound: {
      title: 'PÁGINA NO ENCONTRADA',
      quote:
        'Esta dirección no corresponde a ninguna página de la documentación. Puede que se haya movido o que el enlace esté mal escrito.',
      linkLabel: 'ir a la página de inicio',
      linkText: 'Volver al inicio',
    },
    search: {
      buttonText: 'Buscar',
      displayDetails: 'Mostrar la lista detallada',
      resetButtonTitle: 'Borrar la búsqueda',
      backButtonTitle: 'Cerrar la búsqueda',
      noResultsText: 'Sin resultados para',
      selectText: 'para elegir',
      selectKeyAriaLabel: 'intro',
      navigateText: 'para navegar',
      navigateUpKeyAriaLabel: 'flecha arriba',
      navigateDownKeyAriaLabel: 'flecha abajo',
      closeText: 'para cerrar',
      closeKeyAriaLabel: 'escape',
    },
  },
];

/** The reference folders, generated in English at the root; each language gets an entry page for each. */
export const REFERENCES = /** @type {const} */ (['elements', 'http', 'api']);
