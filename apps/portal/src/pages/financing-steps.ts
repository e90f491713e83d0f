// What the financing page's parts share: the workflow steps a person takes from it.

import type { Schema } from '../api';

/** A step of the financing's workflow the portal takes: POST /financings/{id}/<step>. */
export type Step = 'accept' | 'acknowledge' | 'recommend' | 'approve' | 'reject';
/** Takes a step of the financing's workflow, with a comment (a rejection: its reason); answers whether it went through. */
export type Act = (step: Step, body?: Schema<'CommentDto'> | Schema<'AcceptDto'> | Schema<'ReasonDto'>) => Promise<boolean>;
