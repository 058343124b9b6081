/** Entry of the customer's bundle (`request.<hash>.js`): the request-link page only. */
import { defineRequestElement } from './define-request';

defineRequestElement();
