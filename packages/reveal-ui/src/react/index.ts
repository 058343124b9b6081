/**
 * `@hushlink/reveal-ui/react`: thin React wrappers that render the custom elements, for
 * Next.js and other React apps. They render on the server as plain elements and define
 * the custom elements in the browser (after hydration), so no inline script is needed.
 * Mark the page that uses them as a client boundary or import them from one.
 *
 * @example
 * ```tsx
 * 'use client';
 * import { HushlinkReveal } from '@hushlink/reveal-ui/react';
 * export default function Page({ params }) { return <HushlinkReveal id={params.id} basePath="" />; }
 * ```
 */
import { createElement, type ReactElement, useEffect } from 'react';
import type { RevealUiStringOverrides } from '../strings';

/** Props every wrapper takes. */
export interface HushlinkElementProps {
  /** The handler's base path: `''` or `/something`. */
  basePath: string;
  /** Text overrides (localisation). */
  strings?: RevealUiStringOverrides;
  className?: string;
}

/** Props of {@link HushlinkReveal}. */
export interface HushlinkRevealProps extends HushlinkElementProps {
  /** The secret id from the route (`/s/[id]`). */
  id: string;
}

/** Props of {@link HushlinkCreate}. */
export interface HushlinkCreateProps extends HushlinkElementProps {
  /** The links' base when it differs from this origin + basePath. */
  linkBase?: string;
  /** Whether "Notify me when opened" starts ticked. Default false. */
  notifyDefault?: boolean;
}

/** Defines the creator's elements in the browser, after hydration, from the creator's chunk. */
function useCreatorElements(): void {
  useEffect(() => {
    void import('../browser/define-creator').then((m) => m.defineCreatorElements());
  }, []);
}

function attributes(props: HushlinkElementProps): Record<string, string | undefined> {
  return {
    'data-base-path': props.basePath,
    'data-strings': props.strings === undefined ? undefined : JSON.stringify(props.strings),
    class: props.className,
  };
}

/** The recipient's page: renders `<hushlink-reveal>`. */
export function HushlinkReveal(props: HushlinkRevealProps): ReactElement {
  useEffect(() => {
    void import('../browser/define-reveal').then((m) => m.defineRevealElement());
  }, []);
  return createElement('hushlink-reveal', { ...attributes(props), 'data-id': props.id });
}

/** The create form: renders `<hushlink-create>`. */
export function HushlinkCreate(props: HushlinkCreateProps): ReactElement {
  useCreatorElements();
  return createElement('hushlink-create', {
    ...attributes(props),
    'data-link-base': props.linkBase,
    'data-notify-default': props.notifyDefault === true ? '' : undefined,
  });
}

/** Props of {@link HushlinkRequest} and {@link HushlinkRequestAnswer}. */
export interface HushlinkRequestPageProps extends HushlinkElementProps {
  /** The request id from the route (`/r/[id]`, `{adminPath}/requests/[id]`). */
  id: string;
}

/** Props of {@link HushlinkRequestForm}. */
export interface HushlinkRequestFormProps extends HushlinkCreateProps {
  /** Where the host serves the private read page `{adminPath}/requests/{id}`; default `/admin`. */
  adminPath?: string;
}

/**
 * The customer's page of a request link: renders `<hushlink-request>`. Defines it from its
 * own chunk (the reveal page's crypto plus X25519), not the creator's code.
 */
export function HushlinkRequest(props: HushlinkRequestPageProps): ReactElement {
  useEffect(() => {
    void import('../browser/define-request').then((m) => m.defineRequestElement());
  }, []);
  return createElement('hushlink-request', { ...attributes(props), 'data-id': props.id });
}

/** The "Request a secret" form: renders `<hushlink-request-form>`. */
export function HushlinkRequestForm(props: HushlinkRequestFormProps): ReactElement {
  useCreatorElements();
  return createElement('hushlink-request-form', {
    ...attributes(props),
    'data-link-base': props.linkBase,
    'data-admin-path': props.adminPath,
  });
}

/** The creator's requests (Open / Answered / Expired / Burned, Reveal): renders `<hushlink-requests>`. */
export function HushlinkRequests(props: HushlinkElementProps): ReactElement {
  useCreatorElements();
  return createElement('hushlink-requests', attributes(props));
}

/** The private read page `{adminPath}/requests/{id}#sk`: renders `<hushlink-request-answer>`. */
export function HushlinkRequestAnswer(props: HushlinkRequestPageProps): ReactElement {
  useCreatorElements();
  return createElement('hushlink-request-answer', { ...attributes(props), 'data-id': props.id });
}

/** The history table: renders `<hushlink-history>`. */
export function HushlinkHistory(props: HushlinkElementProps): ReactElement {
  useCreatorElements();
  return createElement('hushlink-history', attributes(props));
}
