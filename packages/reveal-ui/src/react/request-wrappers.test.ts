import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import {
  HushlinkRequest,
  HushlinkRequestAnswer,
  HushlinkRequestForm,
  HushlinkRequests,
} from './index';

describe('React wrappers of the request-link elements', () => {
  it('render the custom elements with the attributes the elements read', () => {
    expect(
      renderToStaticMarkup(createElement(HushlinkRequest, { id: 'abc', basePath: '/vault' })),
    ).toBe('<hushlink-request data-base-path="/vault" data-id="abc"></hushlink-request>');
    expect(
      renderToStaticMarkup(
        createElement(HushlinkRequestForm, {
          basePath: '',
          adminPath: '/desk',
          strings: { requestHeading: 'Anfordern' },
        }),
      ),
    ).toBe(
      '<hushlink-request-form data-base-path="" data-strings="{&quot;requestHeading&quot;:&quot;Anfordern&quot;}" data-admin-path="/desk"></hushlink-request-form>',
    );
    expect(renderToStaticMarkup(createElement(HushlinkRequests, { basePath: '' }))).toBe(
      '<hushlink-requests data-base-path=""></hushlink-requests>',
    );
    expect(
      renderToStaticMarkup(createElement(HushlinkRequestAnswer, { id: 'r1', basePath: '' })),
    ).toBe('<hushlink-request-answer data-base-path="" data-id="r1"></hushlink-request-answer>');
  });
});
