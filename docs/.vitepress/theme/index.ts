// The default theme, plus <LiveWidgets /> for the pages that show the real widgets.
import type { Theme } from 'vitepress';
import DefaultTheme from 'vitepress/theme';
import LiveWidgets from './LiveWidgets.vue';

export default {
  extends: DefaultTheme,
  enhanceApp({ app }) {
    app.component('LiveWidgets', LiveWidgets);
  },
} satisfies Theme;
