// The browser samples (*.js) are type-checked as a page using the widgets sees them: the elements'
// tags and events typed by @wsc/widgets (HTMLElementTagNameMap, HTMLElementEventMap).
import '@wsc/widgets/define';
