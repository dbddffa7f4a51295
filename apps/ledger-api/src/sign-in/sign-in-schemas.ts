import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';

const PERSON: SchemaObject = {
  type: 'object',
  required: ['id', 'institutionIds'],
  properties: {
    id: { type: 'string' },
    institutionIds: { type: 'array', items: { type: 'string' } },
  },
};

export const SIGN_IN_OPTIONS: SchemaObject = {
  type: 'object',
  required: ['mode'],
  properties: {
    mode: { type: 'string', enum: ['development', 'oidc', 'external'] },
    people: {
      type: 'object',
      description: 'development only: the people of the ledger',
      properties: {
        institutions: { type: 'array', items: { type: 'string' } },
        trainees: { type: 'array', items: PERSON },
        supervisors: { type: 'array', items: PERSON },
      },
    },
    issuer: { type: 'string', description: 'oidc only: the provider (discovery document base)' },
    clientId: { type: 'string', description: 'oidc only: the public client id' },
    scope: { type: 'string', description: 'oidc only: scopes to request' },
  },
};

export const DEVELOPMENT_TOKEN: SchemaObject = {
  type: 'object',
  required: ['token', 'expiresIn'],
  properties: { token: { type: 'string' }, expiresIn: { type: 'string', example: '8h' } },
};
