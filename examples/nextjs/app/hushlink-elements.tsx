'use client';
/**
 * reveal-ui's React wrappers, behind a client boundary: they define the custom elements in
 * the browser after hydration. Server components import them from here.
 */
export {
  HushlinkCreate,
  HushlinkHistory,
  HushlinkRequest,
  HushlinkRequestAnswer,
  HushlinkRequestForm,
  HushlinkRequests,
  HushlinkReveal,
} from '@hushlink/reveal-ui/react';
