/**
 * The value lists SDF object fields refer to, named as Oracle's SuiteCloud Development Framework XML
 * Reference names them (each list is its own SDFxml page; the page id is given where it was looked up).
 * Data only: lib/sandbox/sdf/objects.ts says which field takes which list.
 */

export interface ValueList {
  /** Oracle's name for the list, as the field pages cite it ("see script_status"). */
  name: string;
  page: string | null;
  values: readonly string[];
}

const list = (name: string, page: string | null, values: readonly string[]): ValueList => ({ name, page, values });

export const SCRIPT_STATUS = list('script_status', null, [
  'COMPLETED',
  'INPROGRESS',
  'INQUEUE',
  'NOTSCHEDULED',
  'RELEASED',
  'SCHEDULED',
  'TESTING',
]);
export const SCRIPT_LOGLEVEL = list('script_loglevel', null, [
  'AUDIT',
  'DEBUG',
  'EMERGENCY',
  'ERROR',
  'INTERNAL',
  'SYSTEM',
]);
export const SCRIPT_EVENTTYPE = list('script_eventtype', null, [
  'APPROVE',
  'CANCEL',
  'CHANGEPASSWORD',
  'COPY',
  'CREATE',
  'DELETE',
  'DROPSHIP',
  'EDIT',
  'EDITFORECAST',
  'EMAIL',
  'GET',
  'MARKCOMPLETE',
  'ORDERITEMS',
  'PACK',
  'PAYBILLS',
  'POST',
  'PRINT',
  'QUICKVIEW',
  'REASSIGN',
  'REJECT',
  'RETRACT',
  'SAVESUBMIT',
  'SHIP',
  'SPECIALORDER',
  'TRANSFORM',
  'VIEW',
  'XEDIT',
]);
/** SDF's deployment filter list: it has OTHER and OFFLINECLIENT, which are no runtime.ContextType values. */
export const EXECUTION_CONTEXT = list('execution_context', 'SDFxml_340964121', [
  'ACTION',
  'ADVANCEDREVREC',
  'BANKCONNECTIVITY',
  'BANKSTATEMENTPARSER',
  'BUNDLEINSTALLATION',
  'CLIENT',
  'CONSOLRATEADJUSTOR',
  'CSVIMPORT',
  'CUSTOMGLLINES',
  'CUSTOMMASSUPDATE',
  'DATASETBUILDER',
  'DEBUGGER',
  'EMAILCAPTURE',
  'FICONNECTIVITY',
  'FIPARSER',
  'MAPREDUCE',
  'OCRPLUGIN',
  'OFFLINECLIENT',
  'OTHER',
  'PAYMENTGATEWAY',
  'PAYMENTPOSTBACK',
  'PLATFORMEXTENSION',
  'PORTLET',
  'PROMOTIONS',
  'RECORDACTION',
  'RESTLET',
  'RESTWEBSERVICES',
  'SCHEDULED',
  'SDFINSTALLATION',
  'SHIPPINGPARTNERS',
  'SUITELET',
  'TAXCALCULATION',
  'USEREVENT',
  'USERINTERFACE',
  'WEBAPPLICATION',
  'WEBSERVICES',
  'WEBSTORE',
  'WORKBOOKBUILDER',
  'WORKFLOW',
]);
export const REPEAT_TIME = list('generic_repeat_time', null, [
  'PT15M',
  'PT30M',
  'PT1H',
  'PT2H',
  'PT4H',
  'PT6H',
  'PT8H',
  'PT12H',
]);
export const ORDER_OF_WEEK = list('generic_order_of_week', null, ['FIRST', 'SECOND', 'THIRD', 'FOURTH', 'LAST']);
export const DAY_OF_WEEK = list('generic_day_of_week', null, [
  'SUNDAY',
  'MONDAY',
  'TUESDAY',
  'WEDNESDAY',
  'THURSDAY',
  'FRIDAY',
  'SATURDAY',
]);
export const FIELD_TYPE = list('generic_customfield_fieldtype', 'SDFxml_2791641793', [
  'CHECKBOX',
  'CLOBTEXT',
  'CURRENCY',
  'DATE',
  'DATETIMETZ',
  'DOCUMENT',
  'EMAIL',
  'FLOAT',
  'HELP',
  'IMAGE',
  'INLINEHTML',
  'INTEGER',
  'MULTISELECT',
  'PASSWORD',
  'PERCENT',
  'PHONE',
  'RICHTEXT',
  'SELECT',
  'TEXT',
  'TEXTAREA',
  'TIMEOFDAY',
  'URL',
]);
export const DISPLAY_TYPE = list('generic_customfield_displaytype', null, [
  'HIDDEN',
  'LOCKED',
  'NORMAL',
  'SHOWASLIST',
  'STATICTEXT',
]);
export const DYNAMIC_DEFAULT = list('generic_customfield_dynamicdefault', null, [
  'DEPARTMENT',
  'LOCATION',
  'ME',
  'NOW',
  'SUBSIDIARY',
  'SUPERVISOR',
]);
export const ON_PARENT_DELETE = list('generic_customfield_onparentdelete', null, ['NO_ACTION', 'SET_NULL']);
export const ACCESS_SEARCH_LEVEL = list('generic_accesslevel_searchlevel', null, ['0', '1', '2']);
export const SCRIPT_SETTING = list('script_setting', null, ['COMPANY', 'PORTLET', 'USER']);
export const ACCESS_TYPE = list('customrecordtype_accesstype', 'SDFxml_4227334961', [
  'CUSTRECORDENTRYPERM',
  'NONENEEDED',
  'USEPERMISSIONLIST',
]);
export const PERMISSION_LEVEL = list('generic_permission_level', null, ['NONE', 'VIEW', 'CREATE', 'EDIT', 'FULL']);
export const ROLE_RESTRICT = list('role_restrict', null, ['EDIT', 'VIEWANDEDIT']);
export const RECORD_TASK_TYPE = list('customrecordtype_tasktype', null, ['EDIT', 'LIST', 'SRCH']);
export const SUITELET_TASK_TYPE = list('suiteletdeployment_tasktype', null, ['SCRIPT']);
export const RECORD_ICON = list(
  'generic_custom_record_icon',
  null,
  Array.from({ length: 70 }, (_v, i) => String(i + 1)),
);
/**
 * Standard roles as customrecordtype_permittedrole and generic_role list them (account-specific
 * CUSTOMROLE entries left out: a custom role is referenced as [scriptid=customrole_…]).
 */
export const STANDARD_ROLE = list('customrecordtype_permittedrole', null, [
  'ACCOUNTANT',
  'ACCOUNTANT__REVIEWER',
  'ADMINISTRATOR',
  'ADVANCED_PARTNER_CENTER',
  'AP_CLERK',
  'AR_CLERK',
  'BOOKKEEPER',
  'BUYER',
  'CEO',
  'CEO_HANDS_OFF',
  'CHIEF_PEOPLE_OFFICER_CPO',
  'CONSULTANT',
  'CUSTOMER_CENTER',
  'DATA_WAREHOUSE_INTEGRATOR',
  'DEVELOPER',
  'EMPLOYEE_CENTER',
  'ENGINEER',
  'ENGINEERING_MANAGER',
  'FULL_ACCESS',
  'HUMAN_RESOURCES_ADMINISTRATOR',
  'HUMAN_RESOURCES_GENERALIST',
  'INTRANET_MANAGER',
  'ISSUE_ADMINISTRATOR',
  'MARKETING_ADMINISTRATOR',
  'MARKETING_ASSISTANT',
  'MARKETING_MANAGER',
  'NETSUITE_SUPPORT_CENTER',
  'NETSUITE_SUPPORT_CENTER__BASIC',
  'ONLINE_FORM_USER',
  'PARTNER_CENTER',
  'PAYROLL_MANAGER',
  'PAYROLL_SETUP',
  'PM_MANAGER',
  'PRODUCT_MANAGER',
  'QA_ENGINEER',
  'QA_MANAGER',
  'RESOURCE_MANAGER',
  'REVENUE_ACCOUNTANT',
  'REVENUE_MANAGER',
  'SALES_ADMINISTRATOR',
  'SALES_MANAGER',
  'SALES_PERSON',
  'SALES_VICE_PRESIDENT',
  'SHOPPER',
  'STORE_MANAGER',
  'SUITEAPPRELEASEMANAGER',
  'SUPPORT_ADMINISTRATOR',
  'SUPPORT_MANAGER',
  'SUPPORT_PERSON',
  'SYSTEM_ADMINISTRATOR',
  'TAX_ENGINE',
  'VENDOR_CENTER',
  'WAREHOUSE_MANAGER',
  '_ALL_ROLES',
]);
