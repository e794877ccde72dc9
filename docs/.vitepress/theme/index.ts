// The default theme, plus <LiveWidgets /> for the pages that show the real widgets, and the rules that
// keep code left to right inside right-to-left text.
import type { Theme } from 'vitepress';
import DefaultTheme from 'vitepress/theme';
import LiveWidgets from './LiveWidgets.vue';
import './rtl.css';

export default {
  extends: DefaultTheme,
  enhanceApp({ app }) {
    app.component('LiveWidgets', LiveWidgets);
  },
} satisfies Theme;
