// The domain's vocabulary (roles, procedures, grades…) from the one file that defines it, so
// the forms offer exactly what the API accepts; only this file of libs/domain is bundled.
export * from '../../../libs/domain/src/vocabulary/vocabulary';
