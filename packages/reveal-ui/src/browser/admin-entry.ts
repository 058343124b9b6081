/** Entry of the creator's bundle (`admin.<hash>.js`): create form and history table. */
import { defineCreatorElements } from './define-creator';

defineCreatorElements();
