/** Entry of the recipient's bundle (`reveal.<hash>.js`): the reveal page only. */
import { defineRevealElement } from './define-reveal';

defineRevealElement();
