// Defines every community element at once (each definition is guarded: a copy already on the page wins).
import './event-card/event-card';
import './pain-point-form/pain-point-form';
import './stakeholder-directory/stakeholder-directory';
import './pain-point-map/pain-point-map';
import './pain-point-board/pain-point-board';
import './standards-finder/standards-finder';
import './coverage-chart/coverage-chart';
import './event-registration/event-registration';
import './sign-in/sign-in-dialog';
import './mail-preferences/mail-preferences';
