/** Where this process is in its life, as the readiness probe reports it. */
export interface Lifecycle {
  /** True once a shutdown began: in-flight requests finish, no new traffic should come. */
  draining: boolean;
}
