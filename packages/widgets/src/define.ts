// Defines every community element at once (each definition is guarded: a copy already on the page wins).
import './event-card/event-card';
import './standards-finder/standards-finder';
import './coverage-chart/coverage-chart';
