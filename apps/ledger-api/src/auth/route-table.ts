import { RequestMethod, type INestApplication } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import { REQUIRED_ACTION } from './auth.decorators';
import type { Action } from './authorize';

export interface RouteEntry {
  method: string;
  /** The route template, e.g. /v1/cases/:caseId/sign-off. */
  path: string;
  /** Its row in POLICY; undefined means the guard refuses it (and a test fails). */
  action: Action | undefined;
}

/** Every HTTP route the app serves, with the policy row it names, sorted by path then method. */
export function routeTable(app: INestApplication): RouteEntry[] {
  const routes: RouteEntry[] = [];
  const seen = new Set<unknown>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const type = wrapper.metatype as (new (...args: never[]) => unknown) | null;
      if (!type || seen.has(type)) continue;
      seen.add(type);
      const base = joinPaths(Reflect.getMetadata(PATH_METADATA, type) as string | string[]);
      const classAction = Reflect.getMetadata(REQUIRED_ACTION, type) as Action | undefined;
      const proto = type.prototype as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(proto)) {
        const handler = proto[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const paths = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
        const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        if (paths === undefined || method === undefined) continue;
        const action =
          (Reflect.getMetadata(REQUIRED_ACTION, handler) as Action | undefined) ?? classAction;
        for (const path of Array.isArray(paths) ? paths : [paths])
          routes.push({
            method: RequestMethod[method],
            path: `${base}${joinPaths(path)}` || '/',
            action,
          });
      }
    }
  }
  return routes.sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method));
}

function joinPaths(path: string | string[] | undefined): string {
  const first = Array.isArray(path) ? path[0] : path;
  const trimmed = (first ?? '').replace(/^\/+|\/+$/g, '');
  return trimmed === '' ? '' : `/${trimmed}`;
}
