// The default theme, plus <LiveWidgets /> for the pages that show the real widgets, and the site's
// style rules (code left to right inside right-to-left text, contrast of the brand button).
import type { Theme } from 'vitepress';
import DefaultTheme from 'vitepress/theme';
import LiveWidgets from './LiveWidgets.vue';
import './site.css';

export default {
  extends: DefaultTheme,
  enhanceApp({ app }) {
    app.component('LiveWidgets', LiveWidgets);
  },
} satisfies Theme;
